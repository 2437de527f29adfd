import type { OutputFile } from "../../core/types.js";
import { type AnalyzedDoc, facetKey, type StoredDoc } from "./analyze.js";
import { encodePostings, quantizeBody } from "./postings.js";
import { writeIndexFiles } from "./shard-writer.js";

/** Collects analysed articles and writes the sharded search index. */
export interface SearchIndexBuilder {
  add(doc: AnalyzedDoc): void;
  /** Files under `search/index/`, byte-identical for the same articles in any order. */
  finish(): OutputFile[];
}

/** Postings of one term as (slot, weight) pairs in add order. */
interface TermPostings {
  pairs: Uint32Array;
  used: number;
}

/** Encoded postings per term, sorted by term, plus what the pages show. */
export interface EncodedIndex {
  terms: string[];
  postings: string[];
  /** Stored fields in archive order (ordinal = position). */
  docs: StoredDoc[];
  /** Display value and article count of each filter key. */
  facets: Map<string, { label: string; count: number }>;
}

/** Creates a builder; memory grows with distinct terms and postings, not with text. */
export function createSearchIndexBuilder(): SearchIndexBuilder {
  const terms = new Map<string, TermPostings>();
  const ids: number[] = [];
  const lengths: number[] = [];
  const stored: StoredDoc[] = [];
  const seen = new Set<number>();

  const push = (term: string, slot: number, weight: number): void => {
    let p = terms.get(term);
    if (!p) {
      p = { pairs: new Uint32Array(8), used: 0 };
      terms.set(term, p);
    } else if (p.used === p.pairs.length) {
      const grown = new Uint32Array(p.pairs.length * 2);
      grown.set(p.pairs);
      p.pairs = grown;
    }
    p.pairs[p.used++] = slot;
    p.pairs[p.used++] = weight;
  };

  return {
    add(doc) {
      if (seen.has(doc.id)) throw new Error(`search index: article id ${doc.id} added twice`);
      seen.add(doc.id);
      const slot = ids.length;
      ids.push(doc.id);
      lengths.push(doc.length);
      stored.push(doc.stored);
      doc.terms.forEach((t, i) => {
        push(t, slot, doc.weights[i] ?? 0);
      });
      for (const f of doc.facets) push(f, slot, 0);
    },
    finish() {
      return writeIndexFiles(encodeIndex(terms, ids, lengths, stored));
    },
  };
}

function encodeIndex(
  terms: Map<string, TermPostings>,
  ids: number[],
  lengths: number[],
  stored: StoredDoc[],
): EncodedIndex {
  const order = ids.map((_, slot) => slot).sort((a, b) => (ids[a] as number) - (ids[b] as number));
  const ordOf = new Uint32Array(ids.length);
  order.forEach((slot, ord) => {
    ordOf[slot] = ord;
  });
  const avg = lengths.reduce((s, n) => s + n, 0) / (lengths.length || 1);
  const sortedTerms = [...terms.keys()].sort();
  const postings: string[] = [];
  const facets = new Map<string, { label: string; count: number }>();
  for (const term of sortedTerms) {
    const p = terms.get(term) as TermPostings;
    const n = p.used / 2;
    // ord × 2^22 + weight sorts by ord in one numeric typed-array sort.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const slot = p.pairs[2 * i] as number;
      keys[i] = (ordOf[slot] as number) * 4194304 + Math.min(p.pairs[2 * i + 1] as number, 4194303);
    }
    keys.sort();
    const ords = new Uint32Array(n);
    const values = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const k = keys[i] as number;
      const ord = Math.floor(k / 4194304);
      const w = k - ord * 4194304;
      ords[i] = ord;
      values[i] = quantizeBody(w >>> 2, lengths[order[ord] as number] as number, avg) * 4 + (w & 3);
    }
    postings.push(encodePostings(ords, values));
    if (term.startsWith("!")) {
      facets.set(term, { label: facetLabel(term, stored, order, ords[0]), count: n });
    }
  }
  return { terms: sortedTerms, postings, docs: order.map((s) => stored[s] as StoredDoc), facets };
}

/** Display spelling of a filter value, from the newest article carrying it. */
function facetLabel(key: string, stored: StoredDoc[], order: number[], ord?: number): string {
  const value = key.slice(3);
  const doc = ord === undefined ? undefined : stored[order[ord] as number];
  if (!doc) return value;
  if (key[1] === "s") return doc.source ?? value;
  if (key[1] === "a") return doc.authors.find((a) => facetKey("author", a) === key) ?? value;
  return value;
}
