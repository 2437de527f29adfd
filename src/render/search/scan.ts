/**
 * Fast tokenizing into term ids: the same tokens as `tokenize` (text.ts), in order, without
 * folding the whole text first. Text splits into pieces at ASCII characters that are neither
 * letters, digits nor apostrophes; folding never joins or splits across those. A piece of
 * ASCII letters and digits is lower-cased and hashed as it is read; any other piece (accents,
 * curly quotes, apostrophes) goes through `tokenize`, memoised per distinct piece.
 */
import { detach, HASH_START, hashStep, hashTerm, TermTable } from "./term-table.js";
import { MAX_TOKEN_LENGTH, tokenize } from "./text.js";

/** 1 for ASCII letters and digits, 2 for the apostrophe, 0 for separators. */
const CLASS = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : c === 39 ? 2 : 0,
);

/**
 * Characters that are, or fold to, a capital sigma, whose lower case depends on the letters
 * around it even across punctuation; text holding one is tokenized whole.
 */
const SIGMA_CONTEXT = /[\u03a3\u03f9]|\ud835/;

/** Distinct pieces memoised before the memo is dropped, bounding memory. */
const MEMO_LIMIT = 50_000;
/** Longest piece memoised; longer ones are rare and would bloat the memo. */
const MAX_MEMO_PIECE = 64;
/** Terms a table holds before a fresh one replaces it, bounding memory. */
const TABLE_LIMIT = 1 << 21;

/** Tokenizes text into ids of one `TermTable`, keeping memory bounded across many texts. */
export class TermScanner {
  table = new TermTable();
  private memo = new Map<string, Int32Array>();

  /** Calls `visit` with each token's id, in order; returns the token count. */
  scan(text: string, visit: (id: number) => void): number {
    if (this.table.size > TABLE_LIMIT) {
      this.table = new TermTable();
      this.memo.clear();
    }
    const table = this.table;
    if (SIGMA_CONTEXT.test(text)) {
      const tokens = tokenize(text);
      for (const t of tokens) visit(table.idOf(t, hashTerm(t)));
      return tokens.length;
    }
    const n = text.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c < 128 && CLASS[c] === 0) {
        i++;
        continue;
      }
      const start = i;
      let h = HASH_START;
      while (c < 128 && CLASS[c] === 1) {
        h = hashStep(h, c | 32);
        if (++i === n) break;
        c = text.charCodeAt(i);
      }
      if (i === n || (c < 128 && CLASS[c] === 0)) {
        if (i > start && i - start <= MAX_TOKEN_LENGTH) {
          visit(table.idOfAsciiRun(text, start, i, h));
          count++;
        }
        continue;
      }
      while (i < n) {
        c = text.charCodeAt(i);
        if (c < 128 && CLASS[c] === 0) break;
        i++;
      }
      const ids = this.pieceIds(text, start, i);
      for (let k = 0; k < ids.length; k++) visit(ids[k] as number);
      count += ids.length;
    }
    return count;
  }

  private pieceIds(text: string, start: number, end: number): Int32Array {
    const piece = text.slice(start, end);
    let ids = this.memo.get(piece);
    if (ids === undefined) {
      // Copies, so neither the memo nor the term table keeps the whole text alive.
      ids = Int32Array.from(tokenize(piece), (t) => this.table.idOf(t, hashTerm(t)));
      if (piece.length <= MAX_MEMO_PIECE) {
        if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
        this.memo.set(detach(piece), ids);
      }
    }
    return ids;
  }
}
