import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeForSearch } from "../../src/render/search/analyze.js";
import { packDocs, readPackedDocs } from "../../src/render/search/packed-docs.js";
import { hashTerm } from "../../src/render/search/term-table.js";
import { doc, termsOf } from "./fixtures.js";

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("packDocs", () => {
  it("gives back each document's terms, then its filter keys, weights, hashes and snippet", () => {
    const text = fc.stringMatching(/^[a-zé’ 0-9\n🇷]{0,200}$/u);
    const field = fc.record({
      title: fc.stringMatching(/^[A-Za-z ]{0,30}$/),
      text,
      source: fc.option(fc.constantFrom("cnn.com", "bbc.co.uk"), { nil: null }),
      year: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: null }),
      authors: fc.array(fc.stringMatching(/^[A-Z][a-z]{0,8}$/), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(fc.option(field, { nil: null }), { maxLength: 6 }), (fields) => {
        const analyzed = fields.map((f, id) => (f === null ? null : analyzeForSearch(doc(id, f))));
        const packed = readPackedDocs(packDocs(analyzed));
        expect(packed.count).toBe(analyzed.length);
        let term = 0;
        let codeStart = 0;
        let byte = 0;
        analyzed.forEach((a, k) => {
          expect(packed.present[k]).toBe(a === null ? 0 : 1);
          const terms: string[] = [];
          const weights: number[] = [];
          for (; term < (packed.docEnds[k] as number); term++) {
            const end = packed.termEnds[term] as number;
            const t = String.fromCharCode(...packed.codes.subarray(codeStart, end));
            expect(packed.hashes[term]).toBe(hashTerm(t) | 0);
            terms.push(t);
            weights.push(packed.weights[term] as number);
            codeStart = end;
          }
          const snippet = packed.snippets.subarray(byte, packed.snippetEnds[k]);
          byte = packed.snippetEnds[k] as number;
          if (a === null) {
            expect(terms).toEqual([]);
            expect(snippet.length).toBe(0);
            return;
          }
          expect(terms).toEqual([...termsOf(a), ...a.facets]);
          expect(weights).toEqual([...a.weights, ...a.facets.map(() => 0)]);
          expect(packed.lengths[k]).toBe(a.length);
          expect(decode(snippet)).toBe(decode(a.stored.snippet));
        });
      }),
      { numRuns: 150 },
    );
  });
});
