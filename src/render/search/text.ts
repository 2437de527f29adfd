/**
 * Text folding and tokenizing for search. The browser mirrors this code in
 * templates/assets/search-core.js; tests/search/text-agreement.test.ts keeps the two equal.
 */

/** Letters that Unicode decomposition leaves alone but readers type as plain Latin. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Longest token kept; longer runs are URLs, hashes or unspaced scripts nobody types. */
export const MAX_TOKEN_LENGTH = 40;

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const APOSTROPHE = /['\u2019\u02bc](?=[\p{L}\p{N}])/gu;
const NON_ASCII = /[^\t\n\r\u0020-\u007e]/;
const MARKS = /\p{M}+/gu;
const SPECIAL = /[ßæœøłđðþı]/g;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** 1 for ASCII letters and digits: the fast path of the word test. */
const ASCII_WORD = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0,
);

/** Whether the code point at `i` is a letter or digit; -1 before the start counts as no. */
function isWordAt(s: string, i: number): boolean {
  if (i < 0) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  const start =
    c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.codePointAt(i - 1) as number) > 0xffff ? i - 1 : i;
  return WORD_CHAR.test(String.fromCodePoint(s.codePointAt(start) as number));
}

/** Case- and diacritic-folds text: `Müller` → `muller`, `O’Brien` → `obrien`. */
export function foldText(text: string): string {
  const s = text
    .replace(INVISIBLE, "")
    .replace(APOSTROPHE, (m: string, at: number, all: string) => (isWordAt(all, at - 1) ? "" : m));
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** Splits text into folded search tokens, in order, repeats kept. */
export function tokenize(text: string): string[] {
  const s = foldText(text);
  const out: string[] = [];
  let start = -1;
  const end = (i: number): void => {
    if (start >= 0 && i - start <= MAX_TOKEN_LENGTH) out.push(s.slice(start, i));
    start = -1;
  };
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && (s.codePointAt(i) as number) > 0xffff ? 2 : 1;
    if (isWordAt(s, i)) {
      if (start < 0) start = i;
    } else end(i);
    i += width;
  }
  end(s.length);
  return out;
}
