import type { Article } from "../core/types.js";
import { MIN_WORDS } from "./suspect.js";

/** Bins of the MinHash signature. */
export const SIGNATURE_SIZE = 128;
/** Words per shingle. */
export const SHINGLE = 5;
/**
 * Default estimated Jaccard similarity of 5-word shingle sets at which two bodies are the same
 * article: 0.8 merges re-dated copies and copies with an extra line or two of boilerplate,
 * not two stories on one topic.
 */
export const DEFAULT_THRESHOLD = 0.8;
/** LSH: 16 bands of 8 rows, so pairs at Jaccard 0.8 meet in some band with probability 0.95. */
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
/** Bands keyed per read of the signatures; their keys take 4 bytes an item each. */
const BANDS_AT_ONCE = 8;
const EMPTY = 0xffffffff;

function mix(h: number): number {
  let x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** True for characters of words: ASCII letters and digits, and letters beyond ASCII. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return !(
    c <= 0xbf ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    c === 0xfeff
  );
}

/** FNV-1a hashes of the body's words, ASCII case folded, without building strings. */
function hashWords(text: string): number[] {
  const hashes: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isWordChar(c)) {
      if (!inWord) h = 0x811c9dc5;
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      hashes.push(h >>> 0);
      inWord = false;
    }
  }
  if (inWord) hashes.push(h >>> 0);
  return hashes;
}

/**
 * MinHash signature of an article's body over 5-word shingles, computed by one-permutation
 * hashing with rotation densification (one hash per shingle, so linear in the body's length).
 * A body too short to be an article (under `MIN_WORDS` words) gets all bins `0xffffffff` and
 * never groups with anything: two stubs alike say nothing about the pages they stand for.
 */
export function bodySignature(article: Article): Uint32Array {
  const text =
    article.body.kind === "text" ? article.body.paragraphs.join(" ") : article.body.markdown;
  const wordHashes = hashWords(text);
  const bins = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  const count = wordHashes.length < MIN_WORDS ? 0 : wordHashes.length - SHINGLE + 1;
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = i; j < i + SHINGLE && j < wordHashes.length; j++) {
      h = Math.imul(h ^ (wordHashes[j] as number), 0x5bd1e995) ^ (h >>> 15);
    }
    h = mix(h);
    const bin = h >>> 25;
    const value = mix(h ^ 0x9e3779b9) >>> 1;
    if (value < (bins[bin] as number)) bins[bin] = value;
  }
  if (count === 0) return bins;
  const filled = Uint32Array.from(bins);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    if (filled[i] !== EMPTY) continue;
    let t = 1;
    while (bins[(i + t) % SIGNATURE_SIZE] === EMPTY) t++;
    filled[i] = (0x80000000 | ((bins[(i + t) % SIGNATURE_SIZE] as number) + t * 0x2545f491)) >>> 0;
  }
  return filled;
}

/** Share of equal bins: the estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * A band's rows hashed to a 30-bit integer; bands that collide by chance only cost a similarity
 * check.
 */
function bandKey(sig: Uint32Array, from: number): number {
  let h = 0x12345678;
  for (let r = from; r < from + ROWS; r++)
    h = Math.imul(h ^ (sig[r] as number), 0x85ebca6b) ^ (h >>> 13);
  return mix(h) >>> 2;
}

function signatureOf(items: readonly { signature: Uint32Array }[], i: number): Uint32Array {
  return (items[i] as { signature: Uint32Array }).signature;
}

function find(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root] as number;
  while (parent[i] !== root) {
    const next = parent[i] as number;
    parent[i] = root;
    i = next;
  }
  return root;
}

/**
 * Groups items whose signatures are at least `threshold` similar, by LSH banding: each item
 * is compared only with the first item of each band bucket it falls in, so the work is linear
 * in the number of items. Returns groups of two or more ids, each sorted ascending, the groups
 * sorted by their first id.
 */
export function groupNearDuplicates(
  items: readonly { id: number; signature: Uint32Array }[],
  threshold = DEFAULT_THRESHOLD,
): number[][] {
  const parent = Int32Array.from(items, (_, i) => i);
  // The keys of several bands from one read of each signature, then those bands' buckets: the
  // signatures lie all over the heap, and reading each once per band was most of the grouping.
  // A band key has 30 bits, so `EMPTY` marks an item that groups with nothing.
  const keys = new Uint32Array(items.length * BANDS_AT_ONCE);
  const buckets = new BucketTable(items.length);
  for (let from = 0; from < BANDS; from += BANDS_AT_ONCE) {
    items.forEach((item, i) => {
      const sig = item.signature;
      for (let b = 0; b < BANDS_AT_ONCE; b++) {
        keys[i * BANDS_AT_ONCE + b] = sig[0] === EMPTY ? EMPTY : bandKey(sig, (from + b) * ROWS);
      }
    });
    for (let b = 0; b < BANDS_AT_ONCE; b++) {
      buckets.clear();
      for (let i = 0; i < items.length; i++) {
        const key = keys[i * BANDS_AT_ONCE + b] as number;
        if (key === EMPTY) continue;
        const first = buckets.firstOrPut(key, i);
        if (first === -1) continue;
        const root = find(parent, i);
        const other = find(parent, first);
        if (
          root !== other &&
          similarity(signatureOf(items, i), signatureOf(items, first)) >= threshold
        )
          parent[root] = other;
      }
    }
  }
  // Sizes first, so that only groups of two or more get an array, not every one of a million
  // articles (about 25 MB more at the peak of the grouping at 1,000,000).
  const sizes = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const root = find(parent, i);
    sizes[root] = (sizes[root] ?? 0) + 1;
  }
  const groups = new Map<number, number[]>();
  items.forEach((item, i) => {
    const root = find(parent, i);
    if ((sizes[root] ?? 0) < 2) return;
    const group = groups.get(root) ?? [];
    group.push(item.id);
    groups.set(root, group);
  });
  return [...groups.values()]
    .map((g) => g.sort((a, b) => a - b))
    .sort((a, b) => (a[0] as number) - (b[0] as number));
}

/**
 * The first item of each band bucket: one open-addressed table of typed arrays, cleared and
 * reused for every band. A `Map` per band, grown entry by entry to a million at 1,000,000
 * articles, left its outgrown tables to V8's large-object space, freed only by a full
 * collection: the grouping raised the peak by about 700 MB.
 */
class BucketTable {
  private readonly keys: Uint32Array;
  private readonly firsts: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(items: number) {
    let bits = 10;
    while (2 ** bits < items * 2) bits++;
    this.keys = new Uint32Array(2 ** bits);
    this.firsts = new Int32Array(2 ** bits).fill(-1);
    this.mask = 2 ** bits - 1;
    this.shift = 32 - bits;
  }

  clear(): void {
    this.firsts.fill(-1);
  }

  /** The first item put under `key`; -1 when there was none, and `item` is put there. */
  firstOrPut(key: number, item: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const first = this.firsts[slot] as number;
      if (first === -1) {
        this.keys[slot] = key;
        this.firsts[slot] = item;
        return -1;
      }
      if (this.keys[slot] === key) return first;
      slot = (slot + 1) & this.mask;
    }
  }
}
