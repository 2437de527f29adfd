import { describe, expect, it } from "vitest";
import {
  analyzeForSearch,
  facetKey,
  IN_AUTHOR,
  IN_TITLE,
  SNIPPET_CHARS,
} from "../../src/render/search/analyze.js";
import { decodePostings, encodePostings, quantizeBody } from "../../src/render/search/postings.js";
import { tokenize } from "../../src/render/search/text.js";
import { doc } from "./fixtures.js";

const weightOf = (d: ReturnType<typeof analyzeForSearch>, term: string): number | undefined =>
  d.weights[d.terms.indexOf(term)];

describe("analyzeForSearch", () => {
  const a = analyzeForSearch(
    doc(7, {
      title: "New Sanctions on Iran",
      authors: ["Jörg Müller", "Ann Lee"],
      text: "Sanctions were announced. The sanctions hit banks.\n\nIran answered.",
      source: "CNN.com",
      year: 2018,
      date: "2018-05-31",
    }),
  );

  it("counts body words and flags title and author words", () => {
    expect(weightOf(a, "sanctions")).toBe(2 * 4 + IN_TITLE);
    expect(weightOf(a, "banks")).toBe(4);
    expect(weightOf(a, "muller")).toBe(IN_AUTHOR);
    expect(weightOf(a, "new")).toBe(IN_TITLE);
    expect(a.length).toBe(9);
    expect(new Set(a.terms).size).toBe(a.terms.length);
    expect([...a.terms].sort()).toEqual(
      [
        ...new Set(
          tokenize(
            "New Sanctions on Iran Jörg Müller Ann Lee sanctions were announced the hit banks answered",
          ),
        ),
      ].sort(),
    );
  });

  it("keys filters by folded value", () => {
    expect(a.facets).toEqual([
      facetKey("author", "Ann Lee"),
      facetKey("author", "Jorg Muller"),
      "!s:cnn.com",
      "!y:2018",
    ]);
  });

  it("keeps only a short snippet, cut at a word", () => {
    const long = analyzeForSearch(doc(1, { text: "word ".repeat(500) }));
    expect(long.stored.snippet.length).toBeLessThanOrEqual(SNIPPET_CHARS + 1);
    expect(long.stored.snippet).toMatch(/word…$/);
    expect(a.stored.snippet).toBe(
      "Sanctions were announced. The sanctions hit banks. Iran answered.",
    );
  });

  it("survives structured cloning, as worker threads need", () => {
    expect(structuredClone(a)).toEqual(a);
  });
});

describe("posting encoding", () => {
  it("round-trips gaps of any size", () => {
    const ords = [0, 1, 31, 32, 33, 1000, 1_048_576, 5_000_000];
    const values = [0, 63, 5, 32, 1, 17, 2, 40];
    expect(decodePostings(encodePostings(ords, values))).toEqual({ ords, values });
  });

  it("quantizes BM25 so more occurrences and shorter bodies weigh more", () => {
    expect(quantizeBody(0, 100, 100)).toBe(0);
    expect(quantizeBody(1, 100, 100)).toBeGreaterThan(0);
    expect(quantizeBody(5, 100, 100)).toBeGreaterThan(quantizeBody(1, 100, 100));
    expect(quantizeBody(2, 50, 100)).toBeGreaterThan(quantizeBody(2, 400, 100));
    expect(quantizeBody(10_000, 10, 100)).toBe(15);
  });
});
