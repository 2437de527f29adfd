import { createHash } from "node:crypto";
import type { OutputFile } from "../../core/types.js";
import { type AnalyzedDoc, facetKey, type StoredDoc } from "./analyze.js";
import { PostingPool } from "./posting-pool.js";
import { lengthNorm, maxListBytes, quantizeWithNorm, writeList } from "./postings.js";
import {
  carriesTop,
  docRecord,
  type IndexParts,
  metaFile,
  recordSize,
  TermShards,
  TOP_RESULTS,
  writeIndexFiles,
} from "./shard-writer.js";
import { hashTerm, TermTable } from "./term-table.js";

/** Collects analysed articles and writes the sharded search index. */
export interface SearchIndexBuilder {
  add(doc: AnalyzedDoc): void;
  /**
   * Files under `search/index/`, byte-identical for the same articles in any order, yielded one
   * at a time: the whole index is as large as a third of the text, too much to hold at once.
   */
  finish(): Generator<OutputFile>;
}

/** Largest weight kept: 20 bits of body count × 4 plus the two flag bits. */
const MAX_WEIGHT = 4194303;

/**
 * Creates a builder. Postings accumulate as varint (slot gap, weight) pairs in a shared byte
 * pool, so memory grows with postings (about 2–3 bytes each) and distinct terms, not with text.
 */
export function createSearchIndexBuilder(): SearchIndexBuilder {
  const table = new TermTable();
  const pool = new PostingPool();
  const ids: number[] = [];
  const lengths: number[] = [];
  const stored: StoredDoc[] = [];
  const seen = new Set<number>();

  return {
    add(doc) {
      if (seen.has(doc.id)) throw new Error(`search index: article id ${doc.id} added twice`);
      seen.add(doc.id);
      const slot = ids.length;
      ids.push(doc.id);
      lengths.push(doc.length);
      stored.push(doc.stored);
      const { terms, weights, hashes } = doc;
      for (let k = 0; k < terms.length; k++) {
        const term = table.idOf(terms[k] as string, hashes[k] as number);
        pool.push(term, slot, Math.min(weights[k] as number, MAX_WEIGHT));
      }
      for (const f of doc.facets) pool.push(table.idOf(f, hashTerm(f)), slot, 0);
    },
    finish() {
      return withMeta(encodeIndex(table, pool, ids, lengths, stored));
    },
  };
}

/** Passes the index files on, then yields meta, which carries a hash of them all. */
function* withMeta(files: Generator<OutputFile, IndexParts>): Generator<OutputFile> {
  const hash = createHash("sha1");
  let next = files.next();
  for (; next.done !== true; next = files.next()) {
    hash.update(next.value.contents);
    yield next.value;
  }
  yield metaFile(next.value, hash.digest("hex").slice(0, 12));
}

function* encodeIndex(
  table: TermTable,
  pool: PostingPool,
  ids: number[],
  lengths: number[],
  stored: StoredDoc[],
): Generator<OutputFile, IndexParts> {
  const n = ids.length;
  const order = Array.from({ length: n }, (_, slot) => slot).sort(
    (a, b) => (ids[a] as number) - (ids[b] as number),
  );
  const ordOf = new Int32Array(n);
  let inOrder = true;
  order.forEach((slot, ord) => {
    ordOf[slot] = ord;
    if (slot !== ord) inOrder = false;
  });
  const avg = lengths.reduce((s, x) => s + x, 0) / (n || 1);
  const norms = Float64Array.from(order, (slot) => lengthNorm(lengths[slot] as number, avg));
  const value = postingValues(norms);
  const docs = order.map((s) => stored[s] as StoredDoc);

  const sorted = table.terms.slice().sort();
  const shards = new TermShards((ord) => docRecord(docs[ord] as StoredDoc));
  const none = new Int32Array(0);
  const facets = new Map<string, { label: string; count: number }>();
  let raw: Uint8Array = new Uint8Array(1 << 16);
  let out = new Uint8Array(1 << 16);
  let keys = new Float64Array(1024);
  let ords = new Int32Array(1024);
  let values = new Uint8Array(1024);
  let scratch = new Int32Array(1024);
  for (const term of sorted) {
    const id = table.idOf(term, hashTerm(term));
    const read = pool.read(id, raw);
    raw = read.bytes;
    const size = read.length;
    // Each posting takes at least two bytes in the pool, so size / 2 bounds the count.
    if (size / 2 > ords.length) {
      const cap = Math.ceil(size / 2);
      keys = new Float64Array(cap);
      ords = new Int32Array(cap);
      values = new Uint8Array(cap);
      scratch = new Int32Array(cap);
    }
    if (maxListBytes(size / 2) > out.length) out = new Uint8Array(maxListBytes(size / 2));
    let p = 0;
    let slot = -1;
    let count = 0;
    while (p < size) {
      let gap = 0;
      let shift = 0;
      let b: number;
      do {
        b = raw[p++] as number;
        gap |= (b & 127) << shift;
        shift += 7;
      } while (b >= 128);
      let w = 0;
      shift = 0;
      do {
        b = raw[p++] as number;
        w |= (b & 127) << shift;
        shift += 7;
      } while (b >= 128);
      slot += gap;
      const ord = ordOf[slot] as number;
      if (inOrder) {
        ords[count] = ord;
        values[count] = value(w, ord);
      } else {
        // ord × 2^22 + weight sorts by ord in one numeric typed-array sort.
        keys[count] = ord * 4194304 + w;
      }
      count++;
    }
    if (!inOrder) {
      const sortedKeys = keys.subarray(0, count).sort();
      for (let i = 0; i < count; i++) {
        const k = sortedKeys[i] as number;
        const ord = Math.floor(k / 4194304);
        ords[i] = ord;
        values[i] = value(k - ord * 4194304, ord);
      }
    }
    const first = count ? (ords[0] as number) : -1;
    const end = writeList(out, 0, ords, values, count, scratch);
    // `writeList` leaves the ordinals in list order, which is the term's ranking.
    const carried =
      !term.startsWith("!") && carriesTop(count, end, () => topFieldBytes(docs, scratch));
    shards.add(term, out, end, carried ? scratch.subarray(0, TOP_RESULTS) : none);
    yield* shards.take();
    if (term.startsWith("!")) {
      facets.set(term, { label: facetLabel(term, docs[first]), count });
    }
  }
  const parts = { shards, docs, facets };
  yield* writeIndexFiles(parts);
  return parts;
}

/** About the size of the stored fields of the first TOP_RESULTS of `ords`. */
function topFieldBytes(docs: readonly StoredDoc[], ords: Int32Array): number {
  let size = 0;
  for (let i = 0; i < TOP_RESULTS; i++) size += recordSize(docs[ords[i] as number] as StoredDoc);
  return size;
}

/** Body counts whose quantised weight is tabled per article; most counts are this small. */
const TABLED = 16;

/**
 * Posting value of (weight, ordinal): quantised body weight × 4 plus the title and author flags,
 * from a per-article table for small counts, so the common case needs no floating point.
 */
function postingValues(norms: Float64Array): (weight: number, ord: number) => number {
  const table = new Uint8Array(norms.length * TABLED);
  for (let ord = 0; ord < norms.length; ord++) {
    for (let c = 0; c < TABLED; c++) {
      table[ord * TABLED + c] = quantizeWithNorm(c, norms[ord] as number);
    }
  }
  return (weight, ord) => {
    const count = weight >>> 2;
    const q =
      count < TABLED
        ? (table[ord * TABLED + count] as number)
        : quantizeWithNorm(count, norms[ord] as number);
    return q * 4 + (weight & 3);
  };
}

/** Display spelling of a filter value, from the newest article carrying it. */
function facetLabel(key: string, doc: StoredDoc | undefined): string {
  const value = key.slice(3);
  if (!doc) return value;
  if (key[1] === "s") return doc.source ?? value;
  if (key[1] === "a") return doc.authors.find((a) => facetKey("author", a) === key) ?? value;
  return value;
}
