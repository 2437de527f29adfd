import type { AnalyzedDoc } from "./analyze.js";
import { hashTerm } from "./term-table.js";

/**
 * The analysed documents of a batch, read from one buffer. A worker hands the buffer to the main
 * thread by transfer, not as objects: a batch's documents as objects made a message over 100 KB,
 * which V8's deserializer allocates straight in the old generation, garbage that only a marking
 * of the main thread's whole heap (the archive, gigabytes at a million articles) reclaims.
 *
 * A document's terms are followed by its filter keys, with weight 0, as the index takes them.
 */
export interface PackedDocs {
  /** Documents in the batch, analysed or not. */
  readonly count: number;
  /** Per document: 1 when it was analysed. */
  readonly present: Uint32Array;
  /** Per document: its body tokens. */
  readonly lengths: Uint32Array;
  /** Per document: the end of its terms in `termEnds`, `weights` and `hashes`. */
  readonly docEnds: Uint32Array;
  /** Per document: the end of its snippet in `snippets`. */
  readonly snippetEnds: Uint32Array;
  /** Per term: the end of its UTF-16 code units in `codes`. */
  readonly termEnds: Uint32Array;
  readonly weights: Uint32Array;
  readonly hashes: Int32Array;
  readonly codes: Uint16Array;
  /** UTF-8 snippets, back to back. */
  readonly snippets: Uint8Array;
}

/** Counts at the head of a buffer: documents, terms, code units, snippet bytes. */
const HEAD = 4;

/** Packs a batch's documents, `null` for one not analysed, into a buffer `readPackedDocs` reads. */
export function packDocs(docs: readonly (AnalyzedDoc | null)[]): ArrayBuffer {
  let terms = 0;
  let codes = 0;
  let bytes = 0;
  for (const doc of docs) {
    if (doc === null) continue;
    terms += doc.weights.length + doc.facets.length;
    // Terms are joined by one newline each.
    if (doc.weights.length > 0) codes += doc.terms.length - (doc.weights.length - 1);
    for (const f of doc.facets) codes += f.length;
    bytes += doc.stored.snippet.length;
  }
  const buffer = new ArrayBuffer(sizeOf(docs.length, terms, codes, bytes));
  new Uint32Array(buffer, 0, HEAD).set([docs.length, terms, codes, bytes]);
  const packed = readPackedDocs(buffer);
  let term = 0;
  let code = 0;
  let byte = 0;
  const putTerm = (text: string, start: number, end: number, weight: number, hash: number) => {
    for (let i = start; i < end; i++) packed.codes[code++] = text.charCodeAt(i);
    packed.termEnds[term] = code;
    packed.weights[term] = weight;
    packed.hashes[term] = hash;
    term++;
  };
  docs.forEach((doc, k) => {
    if (doc !== null) {
      packed.present[k] = 1;
      packed.lengths[k] = doc.length;
      let start = 0;
      for (let t = 0; t < doc.weights.length; t++) {
        const end =
          t === doc.weights.length - 1 ? doc.terms.length : doc.terms.indexOf("\n", start);
        putTerm(doc.terms, start, end, doc.weights[t] as number, doc.hashes[t] as number);
        start = end + 1;
      }
      for (const f of doc.facets) putTerm(f, 0, f.length, 0, hashTerm(f));
      packed.snippets.set(doc.stored.snippet, byte);
      byte += doc.stored.snippet.length;
    }
    packed.docEnds[k] = term;
    packed.snippetEnds[k] = byte;
  });
  return buffer;
}

/** Views of a buffer `packDocs` made. */
export function readPackedDocs(buffer: ArrayBuffer): PackedDocs {
  const [count = 0, terms = 0, codes = 0, bytes = 0] = new Uint32Array(buffer, 0, HEAD);
  let at = HEAD * 4;
  const take = <T>(make: (offset: number) => T, length: number, width: number): T => {
    const view = make(at);
    at += length * width;
    return view;
  };
  const u32 = (n: number) => take((o) => new Uint32Array(buffer, o, n), n, 4);
  return {
    count,
    present: u32(count),
    lengths: u32(count),
    docEnds: u32(count),
    snippetEnds: u32(count),
    termEnds: u32(terms),
    weights: u32(terms),
    hashes: take((o) => new Int32Array(buffer, o, terms), terms, 4),
    codes: take((o) => new Uint16Array(buffer, o, codes), codes, 2),
    snippets: take((o) => new Uint8Array(buffer, o, bytes), bytes, 1),
  };
}

function sizeOf(count: number, terms: number, codes: number, bytes: number): number {
  return (HEAD + count * 4 + terms * 3) * 4 + codes * 2 + bytes;
}
