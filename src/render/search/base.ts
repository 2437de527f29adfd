import { createHash } from "node:crypto";

/**
 * The search index as the last build left it, before ranking: each article's key (a digest of
 * what its search document was made from), body length and snippet, and each term's postings as
 * (article, raw weight). The next build keeps the postings of the articles whose key is the same
 * and analyses only the others: at 100,000 articles, analysing every article again to change one
 * took most of the build.
 */
export interface SearchBase {
  /** Article keys, by the last build's article order. */
  readonly keys: readonly string[];
  /** Body tokens, by article. */
  readonly lengths: Uint32Array;
  /** Terms with postings, in sorted order. */
  readonly terms: readonly string[];
  /** UTF-8 snippet of an article (a view into the base). */
  snippet(ord: number): Uint8Array;
  /** Postings of `terms[index]` as varint pairs (article gap, weight), by article (a view). */
  list(index: number): Uint8Array;
}

/**
 * "BSB1": the layout's version, bumped (like the build cache's format) whenever the layout or what
 * `analyzeForSearch` makes of an article changes, so no base from before is read.
 */
const MAGIC = [66, 83, 66, 49];
const HASH_BYTES = 32;
const CHUNK = 1 << 20;
const encoder = new TextEncoder();

/** Articles of a base being written, by article order. */
export interface BaseDocs {
  readonly keys: readonly string[];
  readonly lengths: ArrayLike<number>;
  /** Read as they are written, so they need not all be held at once. */
  readonly snippets: Iterable<Uint8Array>;
}

/**
 * Writes a base as a stream of chunks: the articles first, then a term at a time in sorted
 * order, then a SHA-256 of it all, so a truncated or altered base is refused when read. A chunk
 * is valid only during the `sink` call: its buffer is reused, as fresh 1 MB buffers a few hundred
 * times over raised a build's peak memory.
 */
export class SearchBaseWriter {
  private buffer = new Uint8Array(CHUNK);
  private at = 0;
  private readonly hash = createHash("sha256");

  constructor(
    private readonly sink: (chunk: Uint8Array) => void,
    stamp: string,
    docs: BaseDocs,
  ) {
    this.bytes(Uint8Array.from(MAGIC));
    this.text(stamp);
    this.varint(docs.keys.length);
    for (const key of docs.keys) this.text(key);
    for (let i = 0; i < docs.keys.length; i++) this.varint(docs.lengths[i] as number);
    for (const snippet of docs.snippets) {
      this.varint(snippet.length);
      this.bytes(snippet);
    }
  }

  /** Adds a term's postings: `ords` ascending, with their raw weights. */
  term(term: string, ords: Int32Array, weights: Int32Array, count: number): void {
    this.text(term);
    let size = 0;
    let last = -1;
    for (let i = 0; i < count; i++) {
      const ord = ords[i] as number;
      size += varintSize(ord - last) + varintSize(weights[i] as number);
      last = ord;
    }
    this.varint(size);
    this.room(size);
    last = -1;
    for (let i = 0; i < count; i++) {
      const ord = ords[i] as number;
      this.varintUnchecked(ord - last);
      this.varintUnchecked(weights[i] as number);
      last = ord;
    }
  }

  /** Ends the terms and writes the checksum. */
  end(): void {
    // No term is empty, so an empty term ends the list.
    this.varint(0);
    this.flush();
    this.sink(new Uint8Array(this.hash.digest()));
  }

  private text(value: string): void {
    const bytes = encoder.encode(value);
    this.varint(bytes.length);
    this.bytes(bytes);
  }

  private bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  private varint(value: number): void {
    this.room(5);
    this.varintUnchecked(value);
  }

  private varintUnchecked(value: number): void {
    let v = value;
    while (v >= 128) {
      this.buffer[this.at++] = (v & 127) | 128;
      v >>>= 7;
    }
    this.buffer[this.at++] = v;
  }

  /** Makes room for `size` bytes, flushing or growing the buffer. */
  private room(size: number): void {
    if (this.at + size <= this.buffer.length) return;
    this.flush();
    if (size > this.buffer.length) this.buffer = new Uint8Array(size);
  }

  private flush(): void {
    if (this.at === 0) return;
    const chunk = this.buffer.subarray(0, this.at);
    this.hash.update(chunk);
    this.sink(chunk);
    this.at = 0;
  }
}

function varintSize(value: number): number {
  let size = 1;
  for (let v = value; v >= 128; v >>>= 7) size++;
  return size;
}

/**
 * Reads a base written by {@link SearchBaseWriter} with the same `stamp`; `null` when it is
 * from another version, truncated, altered or malformed: the build then analyses every article.
 */
export function readSearchBase(bytes: Uint8Array, stamp: string): SearchBase | null {
  if (bytes.length < MAGIC.length + HASH_BYTES) return null;
  const body = bytes.subarray(0, bytes.length - HASH_BYTES);
  const expected = Buffer.from(bytes.subarray(bytes.length - HASH_BYTES));
  if (!createHash("sha256").update(body).digest().equals(expected)) return null;
  try {
    return parseBase(Buffer.from(body.buffer, body.byteOffset, body.length), stamp);
  } catch {
    return null;
  }
}

/** Thrown when a read runs past the bytes at hand. */
class Short extends Error {}

/** Reads varints, byte spans and strings from `buf` in order. */
function reader(buf: Buffer) {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; shift <= 28; shift += 7) {
      if (at >= buf.length) throw new Short("search base ends early");
      const b = buf[at++] as number;
      value += (b & 127) * 2 ** shift;
      if (b < 128) return value;
    }
    throw new Error("malformed search base");
  };
  const span = (): [number, number] => {
    const size = varint();
    const start = at;
    at += size;
    if (at > buf.length) throw new Short("search base ends early");
    return [start, at];
  };
  const text = (): string => {
    const [start, end] = span();
    return buf.toString("utf8", start, end);
  };
  /** The article keys, after checking the magic and the stamp; `null` when either differs. */
  const keys = (stamp: string): string[] | null => {
    for (const [i, byte] of MAGIC.entries()) if (buf[i] !== byte) return null;
    at = MAGIC.length;
    if (text() !== stamp) return null;
    const n = varint();
    if (n > buf.length) return null;
    return Array.from({ length: n }, text);
  };
  return { varint, span, text, keys, offset: () => at };
}

/**
 * The article keys of a base from the start of its file, unchecked (see {@link SearchBase}):
 * enough to tell which articles it holds before reading the rest. `"short"` when `prefix` ends
 * before the keys do; `null` when it is not a base of this version.
 */
export function readSearchBaseKeys(prefix: Uint8Array, stamp: string): string[] | "short" | null {
  try {
    return reader(Buffer.from(prefix.buffer, prefix.byteOffset, prefix.length)).keys(stamp);
  } catch (error) {
    return error instanceof Short ? "short" : null;
  }
}

function parseBase(buf: Buffer, stamp: string): SearchBase | null {
  const { varint, span, text, keys: readKeys, offset } = reader(buf);
  const keys = readKeys(stamp);
  if (keys === null) return null;
  const n = keys.length;
  const lengths = Uint32Array.from({ length: n }, varint);
  const snippets = new Uint32Array(n * 2);
  for (let i = 0; i < n; i++) snippets.set(span(), i * 2);
  const terms: string[] = [];
  const lists: number[] = [];
  for (;;) {
    const term = text();
    if (term === "") break;
    terms.push(term);
    lists.push(...span());
  }
  if (offset() !== buf.length) return null;
  const listSpans = Uint32Array.from(lists);
  return {
    keys,
    lengths,
    terms,
    snippet: (ord) => buf.subarray(snippets[ord * 2], snippets[ord * 2 + 1]),
    list: (index) => buf.subarray(listSpans[index * 2], listSpans[index * 2 + 1]),
  };
}
