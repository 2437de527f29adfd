/**
 * Interns folded terms to dense integer ids in an open-addressing table, so counting a token
 * needs neither a new string nor a string hash when the term was seen before.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units; the scanner computes the same value while it reads. */
export function hashTerm(term: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Starting value of an incremental `hashTerm`. */
export const HASH_START = FNV_OFFSET;

/** One step of an incremental `hashTerm`. */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

const scratch = new Uint16Array(256);

/**
 * A fresh string holding `text[start, end)` lower-cased (ASCII letters and digits only, at most
 * 256). `slice` would return a view that keeps the whole source text alive for as long as the
 * term is kept.
 */
function lowerAsciiCopy(text: string, start: number, end: number): string {
  for (let i = start; i < end; i++) scratch[i - start] = text.charCodeAt(i) | 32;
  return String.fromCharCode.apply(null, scratch.subarray(0, end - start) as unknown as number[]);
}

/** A fresh copy of a string, sharing no memory with the text it was cut from. */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, "utf16le").toString("utf16le");
}

const slotOf = (h: number, mask: number): number => (h ^ (h >>> 15)) & mask;

/** Terms by id, their hashes, and the table that finds an id from a term. */
export class TermTable {
  /** Term of each id. */
  readonly terms: string[] = [];
  /** `hashTerm` of each id's term. */
  hashes = new Int32Array(1024);
  private slots = new Int32Array(2048);
  private mask = 2047;

  get size(): number {
    return this.terms.length;
  }

  /** Id of a term whose `hashTerm` is `h`, added as a `detach`ed copy when new. */
  idOf(term: string, h: number): number {
    return this.idOfRange(term, 0, term.length, h);
  }

  /** Id of `text[start, end)`, whose `hashTerm` is `h`; makes a string only for a new term. */
  idOfRange(text: string, start: number, end: number, h: number): number {
    const { slots, terms, mask } = this;
    const len = end - start;
    let s = slotOf(h, mask);
    for (;;) {
      const e = slots[s] as number;
      if (e === 0) return this.insert(s, detach(text.slice(start, end)), h);
      if (this.hashes[e - 1] === h) {
        const t = terms[e - 1] as string;
        if (t.length === len && text.startsWith(t, start)) return e - 1;
      }
      s = (s + 1) & mask;
    }
  }

  /**
   * Id of `text[start, end)` lower-cased, for runs of ASCII letters and digits only, whose
   * lower-cased `hashTerm` is `h`; makes a string only for a new term.
   */
  idOfAsciiRun(text: string, start: number, end: number, h: number): number {
    const { slots, terms, mask } = this;
    const len = end - start;
    let s = slotOf(h, mask);
    for (;;) {
      const e = slots[s] as number;
      if (e === 0) return this.insert(s, lowerAsciiCopy(text, start, end), h);
      if (this.hashes[e - 1] === h) {
        const t = terms[e - 1] as string;
        if (t.length === len) {
          let k = 0;
          while (k < len && t.charCodeAt(k) === (text.charCodeAt(start + k) | 32)) k++;
          if (k === len) return e - 1;
        }
      }
      s = (s + 1) & mask;
    }
  }

  private insert(slot: number, term: string, h: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let s = slotOf(this.hashes[id] as number, mask);
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
