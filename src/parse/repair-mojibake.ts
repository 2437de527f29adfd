import { cp1252Byte } from "./cp1252.js";

/*
 * Repairs UTF-8 text that was decoded as windows-1252 ("mojibake": `â€”` for `—`).
 * Hand-written on purpose: ftfy is Python-only and no maintained JavaScript library does
 * this repair. A candidate is a lead character (Â-ô, bytes C2-F4) followed by the right
 * number of characters that map back to UTF-8 continuation bytes; it is replaced only when
 * the bytes form one valid UTF-8 sequence and the pattern is unambiguous:
 *  - 3- and 4-byte sequences (`â€œ`, `ðŸ‡·`): such runs do not occur in real prose;
 *  - `Ã` + continuation (é, ü, ñ…) and `Â` + U+00A0-U+00BF (`Â£`, `Â `): the classic cases;
 *  - other 2-byte sequences (Greek, Cyrillic, Hebrew…) only inside a run of two or more
 *    adjacent sequences, or when such a run already proved the text is double-decoded, so
 *    legitimate text such as `JOSÉ’S` or `Straße“` stays as it is.
 */

/** Quick filter: a lead character directly followed by a possible continuation character. */
const CANDIDATE =
  /[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/;

/** Bounds on the second byte that rule out overlong forms, surrogates and > U+10FFFF. */
function secondByteOk(lead: number, b: number): boolean {
  if (lead === 0xe0) return b >= 0xa0;
  if (lead === 0xed) return b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90;
  if (lead === 0xf4) return b <= 0x8f;
  return true;
}

/** The code point of the valid UTF-8 sequence whose cp1252 reading starts at `start`, or -1. */
function sequenceAt(text: string, start: number): number {
  const lead = text.charCodeAt(start);
  const count = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
  if (start + count >= text.length) return -1;
  let cp = lead & (count === 1 ? 0x1f : count === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= count; k++) {
    const b = cp1252Byte(text.charCodeAt(start + k));
    if (b < 0x80 || b > 0xbf) return -1;
    if (k === 1 && !secondByteOk(lead, b)) return -1;
    cp = (cp << 6) | (b & 0x3f);
  }
  return lead === 0xc2 && cp < 0xa0 ? -1 : cp;
}

/** Candidate sequences as parallel arrays (no object per sequence: dense input has millions). */
interface Sequences {
  readonly starts: number[];
  readonly ends: number[];
  readonly codePoints: number[];
}

function findSequences(text: string): Sequences {
  const found: Sequences = { starts: [], ends: [], codePoints: [] };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xc2 || c > 0xf4) continue;
    const cp = sequenceAt(text, i);
    if (cp < 0) continue;
    const end = i + (c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4);
    found.starts.push(i);
    found.ends.push(end);
    found.codePoints.push(cp);
    i = end - 1;
  }
  return found;
}

/** 3- and 4-byte sequences, and those led by `Â` or `Ã`, need no further evidence. */
function isClassic(text: string, start: number, end: number): boolean {
  const lead = text.charCodeAt(start);
  return end - start > 2 || lead === 0xc2 || lead === 0xc3;
}

function accepted({ starts, ends }: Sequences, text: string): boolean[] {
  const n = starts.length;
  const adjacent = (i: number): boolean =>
    (i > 0 && ends[i - 1] === starts[i]) || (i + 1 < n && starts[i + 1] === ends[i]);
  let runProven = false;
  for (let i = 0; i < n && !runProven; i++) {
    runProven = !isClassic(text, starts[i] as number, ends[i] as number) && adjacent(i);
  }
  const keep: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    keep[i] = runProven || adjacent(i) || isClassic(text, starts[i] as number, ends[i] as number);
  }
  return keep;
}

function repairOnce(text: string): string {
  if (!CANDIDATE.test(text)) return text;
  const found = findSequences(text);
  const keep = accepted(found, text);
  // Joined, not concatenated: a flat string keeps the next pass's charCodeAt cheap.
  const parts: string[] = [];
  let pos = 0;
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    parts.push(
      text.slice(pos, found.starts[i]),
      String.fromCodePoint(found.codePoints[i] as number),
    );
    pos = found.ends[i] as number;
  }
  if (pos === 0) return text;
  parts.push(text.slice(pos));
  return parts.join("");
}

/** Undoes UTF-8-read-as-cp1252 mojibake (up to three layers deep); correct text is returned unchanged. */
export function repairMojibake(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3; pass++) {
    const next = repairOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
