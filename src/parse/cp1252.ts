/**
 * The windows-1252 characters for bytes 0x80-0x9F, in byte order. The five bytes that
 * cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) are kept as the C1 control of the
 * same value, because that is what WHATWG decoders and Python's `errors="replace"`-free
 * readers hand back for them.
 */
export const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

const SPECIAL_TO_BYTE = new Map<number, number>();
for (let i = 0; i < CP1252_HIGH.length; i++) {
  SPECIAL_TO_BYTE.set(CP1252_HIGH.charCodeAt(i), 0x80 + i);
}

/**
 * The byte a character came from when UTF-8 bytes were read as cp1252 (or Latin-1),
 * or -1 when no single byte maps to it.
 */
export function cp1252Byte(code: number): number {
  if (code <= 0xff) return code;
  return SPECIAL_TO_BYTE.get(code) ?? -1;
}

/** The cp1252 character for a C1 control U+0080-U+009F, or `""` for the undefined bytes. */
export function cp1252ForC1(code: number): string {
  const ch = CP1252_HIGH[code - 0x80] ?? "";
  return ch.charCodeAt(0) < 0xa0 ? "" : ch;
}
