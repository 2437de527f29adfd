/** Reading speed used for `readingMinutes`. */
const WORDS_PER_MINUTE = 230;

const OTHER = 0;
const SPACE = 1;
const WORD = 2;
const CJK = 3;

/**
 * Character classes for every UTF-16 unit, looked up instead of tested so that counting
 * stays one array read per character on million-file archives.
 */
const CLASSES = (() => {
  const table = new Uint8Array(0x10000).fill(WORD);
  const set = (from: number, to: number, cls: number): void => {
    table.fill(cls, from, to + 1);
  };
  set(0x00, 0x7f, OTHER);
  set(0x30, 0x39, WORD);
  set(0x41, 0x5a, WORD);
  set(0x61, 0x7a, WORD);
  set(0x80, 0xbf, OTHER);
  set(0x2000, 0x206f, OTHER);
  set(0x3000, 0x303f, OTHER);
  set(0x3040, 0x30ff, CJK);
  set(0x3400, 0x9fff, CJK);
  set(0xac00, 0xd7af, CJK);
  for (const c of [0x09, 0x0a, 0x0d, 0x20, 0xa0, 0x3000]) table[c] = SPACE;
  set(0x2000, 0x200b, SPACE);
  return table;
})();

/** Counts words: whitespace-separated tokens holding a letter or digit; CJK characters count one each. */
export function countWords(text: string): number {
  let count = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const cls = CLASSES[text.charCodeAt(i)];
    if (cls === SPACE) {
      counted = false;
    } else if (cls === CJK) {
      count++;
      counted = false;
    } else if (cls === WORD && !counted) {
      count++;
      counted = true;
    }
  }
  return count;
}

/** Whole minutes to read a number of words, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
