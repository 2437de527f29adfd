import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBlankish, splitParagraphs } from "../../src/parse/paragraphs.js";

describe("isBlankish", () => {
  it("counts spaces, NBSP, zero-width characters and BOM as blank", () => {
    for (const line of ["", " ", "\t", "\u00a0", "\u200b\u2060 ", "\ufeff", "\u200c\u200d"]) {
      expect(isBlankish(line)).toBe(true);
    }
    expect(isBlankish(" a ")).toBe(false);
  });
});

describe("splitParagraphs", () => {
  it("splits at blank-ish lines and drops leading and trailing blank lines (00287, 00047)", () => {
    const lines = [
      "",
      "",
      "",
      "While her wedding was a fairy tale,",
      "\u00a0",
      "Second.",
      "",
      "",
      "",
    ];
    expect(splitParagraphs(lines)).toEqual({
      paragraphs: ["While her wedding was a fairy tale,", "Second."],
      firstLine: 3,
    });
  });

  it("keeps single line breaks inside a paragraph and trims line ends", () => {
    const lines = ["• Bullet one  ", "• Bullet two\u00a0", "", "Next"];
    expect(splitParagraphs(lines).paragraphs).toEqual(["• Bullet one\n• Bullet two", "Next"]);
  });

  it("treats runs of blank lines as one break", () => {
    expect(splitParagraphs(["a", "", "", "", "b"]).paragraphs).toEqual(["a", "b"]);
  });

  it("yields nothing for an empty body", () => {
    expect(splitParagraphs([""])).toEqual({ paragraphs: [], firstLine: 0 });
  });

  it("never yields a blank paragraph and keeps every visible character", () => {
    const line = fc.oneof(
      fc.constantFrom("", " ", "\u00a0", "\u200b"),
      fc.string({ maxLength: 20 }).map((s) => s.replace(/\n/g, "")),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const { paragraphs } = splitParagraphs(lines);
        for (const p of paragraphs) expect(isBlankish(p)).toBe(false);
        const visible = (s: string) => s.replace(/[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]/g, "");
        expect(visible(paragraphs.join(""))).toBe(
          visible(lines.filter((l) => !isBlankish(l)).join("")),
        );
      }),
    );
  });
});
