import { createHash } from "node:crypto";
import type { OutputFile } from "../../core/types.js";
import { type AnalyzedDoc, facetKey, type StoredFields } from "./analyze.js";
import { type SearchBase, SearchBaseWriter } from "./base.js";
import { PostingPool } from "./posting-pool.js";
import { PostingRuns } from "./posting-runs.js";
import { lengthNorm, maxListBytes, quantizeWithNorm, writeList } from "./postings.js";
import {
  carriesTop,
  docRecord,
  type IndexParts,
  type KeepFile,
  type KeptFile,
  metaFile,
  recordSize,
  TermShards,
  TOP_RESULTS,
  writeIndexFiles,
} from "./shard-writer.js";
import { memorySnippets, type SnippetStore } from "./snippet-store.js";
import { hashTerm, TermTable } from "./term-table.js";

/** Collects analysed articles and writes the sharded search index. */
export interface SearchIndexBuilder {
  /** Adds an analysed article; `key` names what it was made from, for the next build's base. */
  add(doc: AnalyzedDoc, key: string): void;
  /** Takes the last build's base, whose articles `keep` then adds; once, at any time. */
  useBase(base: SearchBase): void;
  /** Adds the base's article `ord` as it was analysed, now as article `id`. */
  keep(ord: number, id: number, fields: StoredFields): void;
  /**
   * Files under `search/index/`, byte-identical for the same articles in any order and whatever
   * came from the base, yielded one at a time: the whole index is as large as a third of the
   * text, too much to hold at once. With `next`, also writes the base for the next build; with
   * `keep`, files of the previous build it allows are kept, not yielded (see `writeIndexFiles`).
   */
  finish(next?: SearchBaseOutput, keep?: KeepFile): Generator<OutputFile>;
}

/** Where the next build's base goes, and the version it is valid for. */
export interface SearchBaseOutput {
  readonly stamp: string;
  /** Takes the base's bytes in order; a chunk is valid only during the call. */
  readonly sink: (chunk: Uint8Array) => void;
}

/** Where postings go once the pool holds `limit` bytes: runs in `file`, read back by `finish`. */
export interface PostingSpill {
  readonly file: string;
  readonly limit: number;
}

/** Largest weight kept: 20 bits of body count × 4 plus the two flag bits. */
const MAX_WEIGHT = 4194303;

/** The articles and postings a builder holds when it finishes. */
interface Collected {
  readonly table: TermTable;
  readonly pool: PostingPool;
  /** Postings spilled from the pool, older than those it holds; `null` when it never spilled. */
  readonly runs: PostingRuns | null;
  /** Per pool slot. */
  readonly ids: number[];
  readonly lengths: number[];
  readonly stored: StoredFields[];
  /** Per pool slot. */
  readonly snippets: SnippetStore;
  readonly keys: string[];
  readonly base: SearchBase | null;
  /** Base articles kept, by their place in the base: their id in this build and fields. */
  readonly kept: Map<number, { readonly id: number; readonly fields: StoredFields }>;
}

/**
 * Creates a builder. Postings accumulate as varint (slot gap, weight) pairs in a shared byte
 * pool, so memory grows with postings (about 2–3 bytes each) and distinct terms, not with text.
 * Snippets go to `snippets`, which the builder closes once it has written the index; postings
 * go to `spill` whenever the pool outgrows its limit.
 */
export function createSearchIndexBuilder(
  snippets: SnippetStore = memorySnippets(),
  spill: PostingSpill | null = null,
): SearchIndexBuilder {
  const table = new TermTable();
  const pool = new PostingPool();
  const ids: number[] = [];
  const lengths: number[] = [];
  const stored: StoredFields[] = [];
  const keys: string[] = [];
  let base: SearchBase | null = null;
  const kept: Collected["kept"] = new Map();
  let runs: PostingRuns | null = null;
  let scratch: Uint8Array = new Uint8Array(1 << 16);
  /** Writes the pool's lists as a run, in the order `finish` reads terms, and empties it. */
  const spillPool = (to: PostingSpill) => {
    runs ??= new PostingRuns(to.file);
    const held = pool.held();
    const { terms } = table;
    held.sort((a, b) => ((terms[a] as string) < (terms[b] as string) ? -1 : 1));
    for (const id of held) {
      const read = pool.read(id, scratch);
      scratch = read.bytes;
      runs.add(id, scratch, read.length);
    }
    runs.endRun();
    pool.clear();
  };
  const seen = new Set<number>();
  const claim = (id: number) => {
    if (seen.has(id)) throw new Error(`search index: article id ${id} added twice`);
    seen.add(id);
  };

  return {
    add(doc, key) {
      claim(doc.id);
      const slot = ids.length;
      ids.push(doc.id);
      lengths.push(doc.length);
      const { snippet, ...fields } = doc.stored;
      stored.push(fields);
      snippets.add(snippet);
      keys.push(key);
      const { terms, weights, hashes } = doc;
      let start = 0;
      for (let k = 0; k < weights.length; k++) {
        const end = k === weights.length - 1 ? terms.length : terms.indexOf("\n", start);
        const term = table.idOfRange(terms, start, end, hashes[k] as number);
        pool.push(term, slot, Math.min(weights[k] as number, MAX_WEIGHT));
        start = end + 1;
      }
      for (const f of doc.facets) pool.push(table.idOf(f, hashTerm(f)), slot, 0);
      if (spill !== null && pool.size > spill.limit) spillPool(spill);
    },
    useBase(b) {
      if (base !== null) throw new Error("search index: a base is already in use");
      base = b;
    },
    keep(ord, id, fields) {
      if (base === null || ord < 0 || ord >= base.keys.length || kept.has(ord))
        throw new Error(`search index: base article ${ord} cannot be kept`);
      claim(id);
      kept.set(ord, { id, fields });
    },
    finish(next, keep) {
      const collected = { table, pool, runs, ids, lengths, stored, snippets, keys, base, kept };
      return withMeta(encodeIndex(collected, next ?? null, keep ?? null));
    },
  };
}

/**
 * Passes the index files on, then yields meta, which carries a hash of them all: of their paths
 * and the hashes of their bytes, so a kept file counts as it is without being read.
 */
function* withMeta(files: Generator<OutputFile | KeptFile, IndexParts>): Generator<OutputFile> {
  const hash = createHash("sha1");
  let next = files.next();
  for (; next.done !== true; next = files.next()) {
    const file = next.value;
    if ("hash" in file) hash.update(`${file.path}\0${file.hash}\0`);
    else {
      const bytes = createHash("sha1").update(file.contents).digest("hex");
      hash.update(`${file.path}\0${bytes}\0`);
      yield file;
    }
  }
  yield metaFile(next.value, hash.digest("hex").slice(0, 12));
}

/** Every article of the index, pool slots first and then kept base articles, in slot order. */
interface Articles {
  readonly ids: Int32Array;
  readonly lengths: Float64Array;
  readonly stored: StoredFields[];
  readonly keys: string[];
  /** Per base article: its slot here, or -1. */
  readonly baseSlot: Int32Array;
  /** The snippet of a slot, read when it is written: they are not all held at once. */
  readonly snippet: (slot: number) => Uint8Array;
  readonly snippetBytes: (slot: number) => number;
}

function gather(c: Collected): Articles {
  const n = c.ids.length;
  const total = n + c.kept.size;
  const ids = new Int32Array(total);
  const lengths = new Float64Array(total);
  const stored = c.stored.slice();
  const keys = c.keys.slice();
  ids.set(c.ids);
  lengths.set(c.lengths);
  const baseSlot = new Int32Array(c.base?.keys.length ?? 0).fill(-1);
  /** Per slot from `n` on: its article's place in the base. */
  const baseOrd = new Int32Array(total - n);
  let slot = n;
  for (const [ord, { id, fields }] of c.kept) {
    if (c.base === null) break;
    baseSlot[ord] = slot;
    baseOrd[slot - n] = ord;
    ids[slot] = id;
    lengths[slot] = c.base.lengths[ord] as number;
    stored.push(fields);
    keys.push(c.base.keys[ord] as string);
    slot++;
  }
  const { base, snippets } = c;
  const snippet = (s: number): Uint8Array =>
    s < n || base === null ? snippets.get(s) : base.snippet(baseOrd[s - n] as number);
  const snippetBytes = (s: number): number =>
    s < n || base === null ? snippets.length(s) : snippet(s).length;
  return { ids, lengths, stored, keys, baseSlot, snippet, snippetBytes };
}

function* encodeIndex(
  c: Collected,
  out: SearchBaseOutput | null,
  keep: KeepFile | null,
): Generator<OutputFile | KeptFile, IndexParts> {
  try {
    return yield* encodeGathered(c, gather(c), out, keep);
  } finally {
    c.snippets.close();
    c.runs?.close();
  }
}

function* encodeGathered(
  c: Collected,
  all: Articles,
  out: SearchBaseOutput | null,
  keep: KeepFile | null,
): Generator<OutputFile | KeptFile, IndexParts> {
  const n = all.ids.length;
  const order = Array.from({ length: n }, (_, slot) => slot).sort(
    (a, b) => (all.ids[a] as number) - (all.ids[b] as number),
  );
  const ordOf = new Int32Array(n);
  order.forEach((slot, ord) => {
    ordOf[slot] = ord;
  });
  const baseOrd = all.baseSlot.map((slot) => (slot < 0 ? -1 : (ordOf[slot] as number)));
  // When the articles analysed now and those kept from the base are each in article order (in a
  // build from nothing, and after an edit that moves no article), a term's postings come as one
  // ordered list or two to merge, and need no sort: sorting took a second for the 32 million
  // postings of 100,000 articles.
  const inOrder = increasing(ordOf.subarray(0, c.ids.length)) && increasing(baseOrd);
  const avg = all.lengths.reduce((s, x) => s + x, 0) / (n || 1);
  const norms = Float64Array.from(order, (slot) => lengthNorm(all.lengths[slot] as number, avg));
  const value = postingValues(norms);
  const docs = order.map((s) => all.stored[s] as StoredFields);
  const snippet = (ord: number) => all.snippet(order[ord] as number);
  const snippetBytes = (ord: number) => all.snippetBytes(order[ord] as number);
  const next =
    out === null
      ? null
      : new SearchBaseWriter(out.sink, out.stamp, {
          keys: order.map((s) => all.keys[s] as string),
          lengths: order.map((s) => all.lengths[s] as number),
          snippets: (function* () {
            for (let ord = 0; ord < n; ord++) yield snippet(ord);
          })(),
        });

  const shards = new TermShards((ord) => docRecord(docs[ord] as StoredFields, snippet(ord)));
  const none = new Int32Array(0);
  const facets = new Map<string, { label: string; count: number }>();
  let raw: Uint8Array = new Uint8Array(1 << 16);
  let listOut = new Uint8Array(1 << 16);
  let keys = new Float64Array(1024);
  let ords = new Int32Array(1024);
  let weights = new Int32Array(1024);
  let values = new Uint8Array(1024);
  let scratch = new Int32Array(1024);
  let poolOrds = new Int32Array(1024);
  let poolWeights = new Int32Array(1024);
  let baseOrds = new Int32Array(1024);
  let baseWeights = new Int32Array(1024);
  const baseTerms = c.base?.terms ?? [];
  const runs = c.runs?.readers() ?? [];
  /** The term's lists from the runs and then the pool, in slot order, each from slot -1. */
  const lists: Uint8Array[] = [];
  for (const { term, pooled, base } of mergeTerms(c.table.terms.slice().sort(), baseTerms)) {
    let size = 0;
    lists.length = 0;
    if (pooled) {
      const id = c.table.idOf(term, hashTerm(term));
      for (const run of runs) if (run.next === id) lists.push(run.take());
      const read = c.pool.read(id, raw);
      raw = read.bytes;
      lists.push(raw.subarray(0, read.length));
      for (const list of lists) size += list.length;
    }
    const old = base >= 0 && c.base !== null ? c.base.list(base) : null;
    // Each posting takes at least two bytes, so bytes / 2 bounds the count.
    const bound = Math.ceil((size + (old?.length ?? 0)) / 2);
    if (bound > ords.length) {
      keys = new Float64Array(bound);
      ords = new Int32Array(bound);
      weights = new Int32Array(bound);
      values = new Uint8Array(bound);
      scratch = new Int32Array(bound);
      if (inOrder && c.base !== null) {
        poolOrds = new Int32Array(bound);
        poolWeights = new Int32Array(bound);
        baseOrds = new Int32Array(bound);
        baseWeights = new Int32Array(bound);
      }
    }
    if (maxListBytes(bound) > listOut.length) listOut = new Uint8Array(maxListBytes(bound));
    let count: number;
    if (!inOrder) {
      const into = { direct: false, ords, weights, keys };
      count = decodeLists(lists, ordOf, into, 0);
      if (old !== null) count = decodeList(old, old.length, baseOrd, into, count);
    } else if (old === null) {
      count = decodeLists(lists, ordOf, { direct: true, ords, weights, keys }, 0);
    } else {
      const fromPool = { direct: true, ords: poolOrds, weights: poolWeights, keys };
      const fromBase = { direct: true, ords: baseOrds, weights: baseWeights, keys };
      const a = decodeLists(lists, ordOf, fromPool, 0);
      const b = decodeList(old, old.length, baseOrd, fromBase, 0);
      count = mergeLists(fromPool, a, fromBase, b, ords, weights);
    }
    if (count === 0) continue;
    if (!inOrder) {
      const sortedKeys = keys.subarray(0, count).sort();
      for (let i = 0; i < count; i++) {
        const k = sortedKeys[i] as number;
        const ord = Math.floor(k / 4194304);
        ords[i] = ord;
        weights[i] = k - ord * 4194304;
      }
    }
    for (let i = 0; i < count; i++) values[i] = value(weights[i] as number, ords[i] as number);
    next?.term(term, ords, weights, count);
    const first = ords[0] as number;
    const end = writeList(listOut, 0, ords, values, count, scratch);
    // `writeList` leaves the ordinals in list order, which is the term's ranking.
    const carried =
      !term.startsWith("!") &&
      carriesTop(count, end, () => topFieldBytes(docs, snippetBytes, scratch));
    shards.add(term, listOut, end, carried ? scratch.subarray(0, TOP_RESULTS) : none);
    yield* shards.take();
    if (term.startsWith("!")) {
      facets.set(term, { label: facetLabel(term, docs[first]), count });
    }
  }
  next?.end();
  const key = (ord: number) => all.keys[order[ord] as number] as string;
  const parts = { shards, docs, snippet, key, facets };
  yield* writeIndexFiles(parts, keep);
  return parts;
}

/** A term of the merged term lists. */
interface MergedTerm {
  readonly term: string;
  /** Whether the pool has postings of it. */
  readonly pooled: boolean;
  /** Its index in the base's terms, or -1. */
  readonly base: number;
}

/** The union of the pool's and the base's terms, both sorted, in sorted order. */
function* mergeTerms(pooled: readonly string[], base: readonly string[]): Generator<MergedTerm> {
  let i = 0;
  let j = 0;
  while (i < pooled.length || j < base.length) {
    const a = pooled[i];
    const b = base[j];
    if (b === undefined || (a !== undefined && a < b)) {
      yield { term: a as string, pooled: true, base: -1 };
      i++;
    } else if (a === undefined || b < a) {
      yield { term: b, pooled: false, base: j };
      j++;
    } else {
      yield { term: a, pooled: true, base: j };
      i++;
      j++;
    }
  }
}

/** Where decoded postings go: ordinals and weights when `direct`, else sortable keys. */
interface Decoded {
  readonly direct: boolean;
  readonly ords: Int32Array;
  readonly weights: Int32Array;
  readonly keys: Float64Array;
}

/**
 * Decodes `size` bytes of varint (slot gap, weight) pairs into `into` from index `count`,
 * mapping each slot to its ordinal through `ordOf` and skipping slots mapped to -1; returns the
 * new count.
 */
function decodeList(
  bytes: Uint8Array,
  size: number,
  ordOf: Int32Array,
  into: Decoded,
  count: number,
): number {
  const { direct, ords, weights, keys } = into;
  let n = count;
  let p = 0;
  let slot = -1;
  while (p < size) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[p++] as number;
      gap |= (b & 127) << shift;
      shift += 7;
    } while (b >= 128);
    let w = 0;
    shift = 0;
    do {
      b = bytes[p++] as number;
      w |= (b & 127) << shift;
      shift += 7;
    } while (b >= 128);
    slot += gap;
    const ord = ordOf[slot] as number;
    if (ord < 0) continue;
    if (direct) {
      ords[n] = ord;
      weights[n] = w;
    } else {
      // ord × 2^22 + weight sorts by ord in one numeric typed-array sort.
      keys[n] = ord * 4194304 + w;
    }
    n++;
  }
  return n;
}

/** `decodeList` of each list in turn. */
function decodeLists(
  lists: readonly Uint8Array[],
  ordOf: Int32Array,
  into: Decoded,
  count: number,
): number {
  let n = count;
  for (const list of lists) n = decodeList(list, list.length, ordOf, into, n);
  return n;
}

/** Whether the ordinals, ignoring -1, rise strictly. */
function increasing(ords: Int32Array): boolean {
  let last = -1;
  for (const ord of ords) {
    if (ord < 0) continue;
    if (ord <= last) return false;
    last = ord;
  }
  return true;
}

/** Merges two lists sorted by ordinal, with no ordinal in both, into `ords` and `weights`. */
function mergeLists(
  a: Decoded,
  aCount: number,
  b: Decoded,
  bCount: number,
  ords: Int32Array,
  weights: Int32Array,
): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < aCount || j < bCount) {
    if (j >= bCount || (i < aCount && (a.ords[i] as number) < (b.ords[j] as number))) {
      ords[n] = a.ords[i] as number;
      weights[n++] = a.weights[i++] as number;
    } else {
      ords[n] = b.ords[j] as number;
      weights[n++] = b.weights[j++] as number;
    }
  }
  return n;
}

/** About the size of the stored fields of the first TOP_RESULTS of `ords`. */
function topFieldBytes(
  docs: readonly StoredFields[],
  snippetBytes: (ord: number) => number,
  ords: Int32Array,
): number {
  let size = 0;
  for (let i = 0; i < TOP_RESULTS; i++) {
    const ord = ords[i] as number;
    size += recordSize(docs[ord] as StoredFields, snippetBytes(ord));
  }
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
function facetLabel(key: string, doc: StoredFields | undefined): string {
  const value = key.slice(3);
  if (!doc) return value;
  if (key[1] === "s") return doc.source ?? value;
  if (key[1] === "a") return doc.authors.find((a) => facetKey("author", a) === key) ?? value;
  return value;
}
