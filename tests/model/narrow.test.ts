import { serialize } from "node:v8";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { narrow } from "../../src/model/narrow.js";

/** ASCII text cut from a string that holds a curly quote, as V8 keeps it: two bytes a character. */
const cutFromWide = (text: string): string => `’${text}`.slice(1);

describe("narrow", () => {
  it("keeps Latin-1 text cut from a two-byte string in one byte a character", () => {
    const wide = cutFromWide("A title about the budget, and café prices ".repeat(4));
    // `serialize` writes a string in the representation V8 holds it in.
    expect(serialize(wide).length).toBeGreaterThan(wide.length * 2);
    expect(serialize(narrow(wide)).length).toBeLessThan(wide.length + 8);
  });

  it("leaves text with characters beyond Latin-1 as it is", () => {
    const text = "“Quoted” and 東京";
    expect(narrow(text)).toBe(text);
  });

  it("never changes the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(narrow(text)).toBe(text);
        expect(narrow(cutFromWide(text))).toBe(text);
      }),
    );
  });
});
