import { describe, expect, it } from "vitest";
import { analyzeForSearch } from "../../src/render/search/analyze.js";
import { termsOf } from "./fixtures.js";

describe("analyzeForSearch across many distinct terms", () => {
  it("counts every body term even when its tables grow mid-article", () => {
    const words = Array.from({ length: 70_000 }, (_, i) => `zq${i.toString(36)}x`);
    const doc = analyzeForSearch({
      id: 0,
      path: "a/index.html",
      title: "Growth",
      authors: [],
      date: null,
      year: null,
      source: null,
      text: words.join(" "),
    });
    expect(termsOf(doc)).toHaveLength(70_001);
    expect(doc.weights).toHaveLength(70_001);
    const zero = termsOf(doc).filter((_, i) => (doc.weights[i] ?? 0) === 0);
    expect(zero).toEqual([]);
  });

  it("gives the same result whatever was analysed before", () => {
    const input = {
      id: 1,
      path: "b/index.html",
      title: "Same",
      authors: ["Ann Lee"],
      date: null,
      year: 2019,
      source: "x.com",
      text: "one two three two one four",
    };
    const before = analyzeForSearch(input);
    analyzeForSearch({
      ...input,
      id: 2,
      text: Array.from({ length: 9000 }, (_, i) => `yv${i}`).join(" "),
    });
    const after = analyzeForSearch(input);
    expect({ ...after, weights: [...after.weights], hashes: [...after.hashes] }).toEqual({
      ...before,
      weights: [...before.weights],
      hashes: [...before.hashes],
    });
  });
});
