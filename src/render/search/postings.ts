/**
 * Compact text encoding of posting lists, decoded by templates/assets/search-core.js.
 * A list is a run of (gap, value) pairs: the gap from the previous article's ordinal as a
 * variable-length number (5 bits a character, low digits first, `ALPHABET[32..63]` meaning
 * "more follows"), then one character holding the value (0-63).
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

/** Appends one posting list to `out`; `ords` ascending, `values` 0-63. */
export function encodePostings(ords: ArrayLike<number>, values: ArrayLike<number>): string {
  let out = "";
  let prev = -1;
  for (let i = 0; i < ords.length; i++) {
    let gap = (ords[i] as number) - prev;
    prev = ords[i] as number;
    while (gap >= 32) {
      out += ALPHABET[32 + (gap & 31)];
      gap = Math.floor(gap / 32);
    }
    out += ALPHABET[gap];
    out += ALPHABET[values[i] as number];
  }
  return out;
}

/** Inverse of `encodePostings`, for tests and tools. */
export function decodePostings(text: string): { ords: number[]; values: number[] } {
  const ords: number[] = [];
  const values: number[] = [];
  let prev = -1;
  let i = 0;
  while (i < text.length) {
    let gap = 0;
    let scale = 1;
    let d = ALPHABET.indexOf(text[i++] as string);
    while (d >= 32) {
      gap += (d - 32) * scale;
      scale *= 32;
      d = ALPHABET.indexOf(text[i++] as string);
    }
    prev += gap + d * scale;
    ords.push(prev);
    values.push(ALPHABET.indexOf(text[i++] as string));
  }
  return { ords, values };
}

/** Byte of each alphabet digit. */
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Writes one posting as `encodePostings` would, into `out` at `at`; returns the end. */
export function writePosting(out: Uint8Array, at: number, gap: number, value: number): number {
  let g = gap;
  let p = at;
  while (g >= 32) {
    out[p++] = CODES[32 + (g & 31)] as number;
    g = Math.floor(g / 32);
  }
  out[p++] = CODES[g] as number;
  out[p++] = CODES[value] as number;
  return p;
}

/** Most bytes `writePosting` writes for one posting. */
export const MAX_POSTING_BYTES = 9;
