import { describe, expect, it } from "vitest";
import { countWords, readingMinutes } from "../../src/parse/words.js";

describe("countWords", () => {
  it("counts whitespace-separated words", () => {
    expect(
      countWords("(CNN) Russia's Foreign Minister Sergey Lavrov met with North Korean leader"),
    ).toBe(11);
  });

  it("does not count lone punctuation, dashes or bullets", () => {
    expect(countWords("March 27, 2011 — -- AMANPOUR: • “ ‘White’ taught me")).toBe(7);
  });

  it("counts accented and non-Latin words, and CJK characters one each", () => {
    expect(countWords("café naïve Русский Ελληνικά")).toBe(4);
    expect(countWords("MSN 香港")).toBe(3);
  });

  it("splits on NBSP and newlines", () => {
    expect(countWords("one\u00a0two\nthree")).toBe(3);
    expect(countWords("")).toBe(0);
  });
});

describe("readingMinutes", () => {
  it("reads 230 words a minute, at least one", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230 * 4)).toBe(4);
    expect(readingMinutes(230 * 4 + 200)).toBe(5);
  });
});
