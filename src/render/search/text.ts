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
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['\u2019\u02bc](?=[\p{L}\p{N}])/gu;
const MARKS = /\p{M}+/gu;
const SPECIAL = /[ßæœøłđðþı]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** Case- and diacritic-folds text: `Müller` → `muller`, `O’Brien` → `obrien`. */
export function foldText(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(INNER_APOSTROPHE, "")
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** Splits text into folded search tokens, in order, repeats kept. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of foldText(text).matchAll(WORD)) {
    if (m[0].length <= MAX_TOKEN_LENGTH) out.push(m[0]);
  }
  return out;
}
