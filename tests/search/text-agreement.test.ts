import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText, tokenize } from "../../src/render/search/text.js";
import { loadClient } from "./vm-client.js";

const { client } = loadClient();

describe("folding and tokenizing", () => {
  it("folds case and diacritics", () => {
    expect(foldText("Müller")).toBe("muller");
    expect(tokenize("Ångström’s CAFÉ naïve")).toEqual(["angstroms", "cafe", "naive"]);
    expect(tokenize("Straße Łódź Øresund")).toEqual(["strasse", "lodz", "oresund"]);
  });

  it("joins words split by apostrophes and invisible characters", () => {
    expect(tokenize("Conan O'Brien didn’t")).toEqual(["conan", "obrien", "didnt"]);
    expect(tokenize("sanc\u200btions co\u00adoperate")).toEqual(["sanctions", "cooperate"]);
  });

  it("drops over-long runs and splits on punctuation", () => {
    expect(tokenize(`x${"a".repeat(60)} U.S.-China 2018`)).toEqual(["u", "s", "china", "2018"]);
  });

  it("gives the same result in the browser script as in the build", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        expect(client.foldText(s)).toBe(foldText(s));
        expect([...client.tokenize(s)]).toEqual(tokenize(s));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees on text made of letters likely to need folding", () => {
    const letters = fc.constantFrom(..."aAéÉüÜßẞæÆœøØłŁđðþıİ'’ \u0301\u200bﬁ1-".split(""));
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 30 }), (chars) => {
        const s = chars.join("");
        expect([...client.tokenize(s)]).toEqual(tokenize(s));
      }),
    );
  });
});
