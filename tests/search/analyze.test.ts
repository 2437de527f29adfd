import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeForSearch,
  facetKey,
  IN_AUTHOR,
  IN_TITLE,
  SNIPPET_CHARS,
} from "../../src/render/search/analyze.js";
import {
  decodePostings,
  encodePostings,
  quantizeBody,
  VALUE_ORDER,
  valueWeight,
} from "../../src/render/search/postings.js";
import { tokenize } from "../../src/render/search/text.js";
import { doc, termsOf } from "./fixtures.js";

const weightOf = (d: ReturnType<typeof analyzeForSearch>, term: string): number | undefined =>
  d.weights[termsOf(d).indexOf(term)];

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
    expect(new Set(termsOf(a)).size).toBe(a.weights.length);
    expect(termsOf(a).sort()).toEqual(
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

  it("keeps only a short snippet, cut at a word, as UTF-8 bytes", () => {
    const text = (d: { stored: { snippet: Uint8Array } }) =>
      new TextDecoder().decode(d.stored.snippet);
    const long = analyzeForSearch(doc(1, { text: "word ".repeat(500) }));
    expect(text(long).length).toBeLessThanOrEqual(SNIPPET_CHARS + 1);
    expect(text(long)).toMatch(/word…$/);
    expect(text(analyzeForSearch(doc(2, { text: "“Quoted” — Zoë" })))).toBe("“Quoted” — Zoë");
    expect(text(a)).toBe("Sanctions were announced. The sanctions hit banks. Iran answered.");
  });

  it("survives structured cloning, as worker threads need", () => {
    expect(structuredClone(a)).toEqual(a);
  });
});

describe("posting encoding", () => {
  it("round-trips gaps of any size", () => {
    const ords = [0, 1, 31, 32, 33, 1000, 1_048_576, 5_000_000];
    const values = [7, 7, 7, 7, 7, 7, 7, 7];
    expect(decodePostings(encodePostings(ords, values))).toEqual({ ords, values });
  });

  it("orders a list best weight first, ordinals ascending within a weight", () => {
    const weights = VALUE_ORDER.map(valueWeight);
    // Strictly decreasing: equal weights in two segments would break ties out of archive order.
    for (let i = 1; i < weights.length; i++) {
      expect(weights[i]).toBeLessThan(weights[i - 1] as number);
    }
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(200_000), { maxLength: 300 }),
        fc.array(fc.nat(63), { minLength: 300, maxLength: 300 }),
        (unsorted, vals) => {
          const ords = [...unsorted].sort((a, b) => a - b);
          const values = ords.map((_, i) => vals[i] as number);
          const got = decodePostings(encodePostings(ords, values));
          const expected = ords
            .map((ord, i) => ({ ord, value: values[i] as number }))
            .sort((a, b) => valueWeight(b.value) - valueWeight(a.value) || a.ord - b.ord);
          expect(got).toEqual({
            ords: expected.map((p) => p.ord),
            values: expected.map((p) => p.value),
          });
        },
      ),
    );
  });

  it("quantizes BM25 so more occurrences and shorter bodies weigh more", () => {
    expect(quantizeBody(0, 100, 100)).toBe(0);
    expect(quantizeBody(1, 100, 100)).toBeGreaterThan(0);
    expect(quantizeBody(5, 100, 100)).toBeGreaterThan(quantizeBody(1, 100, 100));
    expect(quantizeBody(2, 50, 100)).toBeGreaterThan(quantizeBody(2, 400, 100));
    expect(quantizeBody(10_000, 10, 100)).toBe(15);
  });
});
