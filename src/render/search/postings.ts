/**
 * Compact text encoding of posting lists, decoded by templates/assets/search-core.js.
 * Numbers are variable-length (5 bits a character, low digits first, `ALPHABET[32..63]`
 * meaning "more follows"); a posting's value (0-63) is one character. See `writeList`.
 */

/** 64 characters that need no escaping in a JSON string. */
export const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/** BM25 parameters; the client only sees their effect through the quantised values. */
export const K1 = 1.2;
export const B = 0.75;

/** Levels the body term weight is quantised to (4 bits). */
export const LEVELS = 15;

/** Body part of BM25 for one term in one article, scaled to 0-LEVELS. */
export function quantizeBody(count: number, length: number, avgLength: number): number {
  return quantizeWithNorm(count, lengthNorm(length, avgLength));
}

/** The BM25 length normalisation of an article, computed once per article. */
export function lengthNorm(length: number, avgLength: number): number {
  return K1 * (1 - B + (B * length) / (avgLength || 1));
}

/** `quantizeBody` with the article's `lengthNorm` already computed. */
export function quantizeWithNorm(count: number, norm: number): number {
  if (count === 0) return 0;
  const tf = (count * (K1 + 1)) / (count + norm);
  return Math.max(1, Math.min(LEVELS, Math.round((tf / (K1 + 1)) * LEVELS)));
}

/** Title and author boosts: a title or author match outranks any body match of the word. */
export const TITLE_BOOST = 3;
export const AUTHOR_BOOST = 2.5;

/** Score of a posting value before idf, exactly as the client computes it. */
export function valueWeight(value: number): number {
  return (
    ((value >> 2) / LEVELS) * (K1 + 1) +
    (value & 2 ? TITLE_BOOST : 0) +
    (value & 1 ? AUTHOR_BOOST : 0)
  );
}

/** The 64 posting values, best weight first: the order of a list's segments. */
export const VALUE_ORDER: readonly number[] = Array.from({ length: 64 }, (_, v) => v).sort(
  (a, b) => valueWeight(b) - valueWeight(a) || a - b,
);

/** Byte of each alphabet digit. */
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

function writeNumber(out: Uint8Array, at: number, n: number): number {
  let g = n;
  let p = at;
  while (g >= 32) {
    out[p++] = CODES[32 + (g & 31)] as number;
    g = Math.floor(g / 32);
  }
  out[p++] = CODES[g] as number;
  return p;
}

/** Most bytes `writeList` writes: a number takes at most 7 digits, a segment head 8 bytes. */
export function maxListBytes(count: number): number {
  return count * 7 + 64 * 8;
}

// Reused across calls: typed arrays are costly to allocate once per term.
const sizes = new Int32Array(64);
const starts = new Int32Array(64);
const fill = new Int32Array(64);

/**
 * Writes one posting list into `out` at `at` and returns the end. `ords` ascending, `values`
 * 0-63, `count` postings; `scratch` holds at least `count` numbers. Postings are grouped into
 * segments by value, best weight first (`VALUE_ORDER`); a segment is the value digit, its
 * posting count, then ordinal gaps (from -1), so a one-word query reads its ranking in order.
 */
export function writeList(
  out: Uint8Array,
  at: number,
  ords: ArrayLike<number>,
  values: ArrayLike<number>,
  count: number,
  scratch: Int32Array,
): number {
  sizes.fill(0);
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    sizes[v] = (sizes[v] as number) + 1;
  }
  let next = 0;
  for (const v of VALUE_ORDER) {
    starts[v] = next;
    next += sizes[v] as number;
  }
  fill.set(starts);
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    const to = fill[v] as number;
    scratch[to] = ords[i] as number;
    fill[v] = to + 1;
  }
  let p = at;
  for (const v of VALUE_ORDER) {
    const size = sizes[v] as number;
    if (size === 0) continue;
    out[p++] = CODES[v] as number;
    p = writeNumber(out, p, size);
    let prev = -1;
    const end = (starts[v] as number) + size;
    for (let i = starts[v] as number; i < end; i++) {
      p = writeNumber(out, p, (scratch[i] as number) - prev);
      prev = scratch[i] as number;
    }
  }
  return p;
}

/** One posting list as text, as `writeList` writes it; for tests and tools. */
export function encodePostings(ords: ArrayLike<number>, values: ArrayLike<number>): string {
  const out = new Uint8Array(maxListBytes(ords.length));
  const end = writeList(out, 0, ords, values, ords.length, new Int32Array(ords.length));
  return new TextDecoder().decode(out.subarray(0, end));
}

/** Postings of an encoded list in list order (best weight first, ordinals ascending within). */
export function decodePostings(text: string): { ords: number[]; values: number[] } {
  const ords: number[] = [];
  const values: number[] = [];
  let i = 0;
  const number = (): number => {
    let n = 0;
    let scale = 1;
    let d = ALPHABET.indexOf(text[i++] as string);
    while (d >= 32) {
      n += (d - 32) * scale;
      scale *= 32;
      d = ALPHABET.indexOf(text[i++] as string);
    }
    return n + d * scale;
  };
  while (i < text.length) {
    const value = ALPHABET.indexOf(text[i++] as string);
    const size = number();
    let prev = -1;
    for (let k = 0; k < size; k++) {
      prev += number();
      ords.push(prev);
      values.push(value);
    }
  }
  return { ords, values };
}
