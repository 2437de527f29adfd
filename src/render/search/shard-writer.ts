import { createHash } from "node:crypto";
import type { OutputFile } from "../../core/types.js";
import type { StoredFields } from "./analyze.js";

/** Folder of the index files, relative to the site root. */
export const INDEX_DIR = "search/index";

/** Target size of a term shard; a single larger term gets a shard of its own. */
export const SHARD_CHARS = 64 * 1024;

/** Articles per stored-fields chunk: small, because a page of results touches several. */
export const DOC_CHUNK = 16;

/**
 * Results whose stored fields a common term carries in its shard, so a one-word query shows
 * its first page without loading a chunk per result (see `carriesTop`).
 */
export const TOP_RESULTS = 10;

/** Format version the client checks, so a stale script fails loudly. */
export const INDEX_VERSION = 4;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const COMMA = 44;
const QUOTE = 34;

/** The script text that hands `name`'s data to the page's search code. */
const head = (name: string): string => `BroadsheetSearch.register(${JSON.stringify(name)},`;
const TAIL = ");\n";

/** A script that registers JSON data; loads over HTTP and from file://. */
function registerScript(name: string, data: unknown): OutputFile {
  return {
    path: `${INDEX_DIR}/${name}.js`,
    contents: `${head(name)}${JSON.stringify(data)}${TAIL}`,
  };
}

/** About the characters `docRecord` writes for an article, without writing it. */
export function recordSize(d: StoredFields, snippetBytes: number): number {
  let size = 32 + d.path.length + d.title.length + snippetBytes + (d.source?.length ?? 0);
  for (const a of d.authors) size += a.length + 3;
  return size;
}

/**
 * Whether a term carries its top results' stored fields: only when it has more postings than
 * TOP_RESULTS and the fields take no more room than its posting list, so the index grows by at
 * most the lists of its commonest words (whose results lie in the most chunks) and a query by
 * less than the chunks it no longer loads.
 */
export function carriesTop(count: number, listBytes: number, fieldBytes: () => number): boolean {
  return count > TOP_RESULTS && listBytes >= TOP_RESULTS * 32 && fieldBytes() <= listBytes;
}

/** The stored fields of one article as a chunk or shard lists them. */
export function docRecord(d: StoredFields, snippet: Uint8Array): string {
  return JSON.stringify([d.path, d.title, d.date, d.source, d.authors, decoder.decode(snippet)]);
}

/**
 * Term shards written straight into byte buffers: each shard registers `[terms, records]`,
 * `terms` alternating terms (sorted) and encoded posting lists, `records` alternating
 * ordinals and the stored fields of the top results of the shard's common terms, each once.
 */
export class TermShards {
  private files: OutputFile[] = [];
  /** First term of each shard, for the client's binary search. */
  readonly firsts: string[] = [];
  private buf = new Uint8Array(SHARD_CHARS * 2);
  private at = 0;
  private size = 0;
  private first = "";
  private records: string[] = [];
  private held = new Set<number>();

  /** `recordOf(ord)` gives the stored fields of an article, as `docRecord` writes them. */
  constructor(private readonly recordOf: (ord: number) => string) {}

  /**
   * Adds a term whose encoded postings are `postings[0, length)` and whose best results are
   * `top` (ordinals in ranking order; empty for a rare term); terms come sorted.
   */
  add(term: string, postings: Uint8Array, length: number, top: ArrayLike<number>): void {
    let cost = term.length + length + 6;
    const fresh: number[] = [];
    for (let i = 0; i < top.length; i++) {
      const ord = top[i] as number;
      if (!this.held.has(ord)) fresh.push(ord);
    }
    const texts: string[] = [];
    for (const ord of fresh) {
      texts.push(`${ord},${this.recordOf(ord)}`);
      cost += (texts[texts.length - 1] as string).length + 1;
    }
    if (this.size > 0 && this.size + cost > SHARD_CHARS) {
      this.flush();
      this.add(term, postings, length, top);
      return;
    }
    if (this.size === 0) {
      this.first = term;
      this.at = 0;
      this.put(head(`t${this.firsts.length}`));
      this.buf[this.at++] = 91;
      this.buf[this.at++] = 91;
    } else this.buf[this.at++] = COMMA;
    fresh.forEach((ord, i) => {
      this.held.add(ord);
      this.records.push(texts[i] as string);
    });
    this.put(JSON.stringify(term));
    this.reserve(length + 3);
    this.buf[this.at++] = COMMA;
    this.buf[this.at++] = QUOTE;
    this.buf.set(postings.subarray(0, length), this.at);
    this.at += length;
    this.buf[this.at++] = QUOTE;
    this.size += cost;
  }

  /** Shard files finished since the last call, to write before the next ones are built. */
  take(): OutputFile[] {
    const files = this.files;
    this.files = [];
    return files;
  }

  /** Finishes the last shard; call once after the last term. */
  flush(): void {
    if (this.size === 0) return;
    this.put(`],[${this.records.join(",")}]]`);
    this.put(TAIL);
    this.records = [];
    this.held.clear();
    this.files.push({
      path: `${INDEX_DIR}/t${this.firsts.length}.js`,
      contents: this.buf.slice(0, this.at),
    });
    this.firsts.push(this.first);
    this.size = 0;
  }

  private put(text: string): void {
    this.reserve(text.length * 3);
    this.at += encoder.encodeInto(text, this.buf.subarray(this.at)).written;
  }

  private reserve(bytes: number): void {
    if (this.at + bytes + 8 <= this.buf.length) return;
    const grown = new Uint8Array((this.at + bytes) * 2);
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }
}

/**
 * Term shards, stored fields and snippets in archive order, each filter key's label and count,
 * and what each article's search document was made from (its key, see `SearchIndexBuilder.add`).
 */
export interface IndexParts {
  shards: TermShards;
  docs: StoredFields[];
  snippet: (ord: number) => Uint8Array;
  key: (ord: number) => string;
  facets: Map<string, { label: string; count: number }>;
}

/** A file of the index the previous build wrote and this one keeps, with the hash of its bytes. */
export interface KeptFile {
  readonly path: string;
  readonly hash: string;
}

/**
 * Whether the file at `path`, made from what `key` names, can stay as the previous build wrote
 * it: returns the SHA-1 of its bytes then, else null and the file is written.
 */
export type KeepFile = (path: string, key: string) => string | null;

/**
 * Yields the last term shards, the stored-field chunks and the author list, one file at a time so
 * the caller can write each before the next is built. A chunk whose articles' keys are those it
 * was written from is kept when `keep` allows: after one article is edited, all chunks but its
 * own (two thirds of the index's bytes at 100,000 articles) would otherwise be made again as
 * they were.
 */
export function* writeIndexFiles(
  index: IndexParts,
  keep: KeepFile | null,
): Generator<OutputFile | KeptFile> {
  index.shards.flush();
  yield* index.shards.take();
  for (let start = 0; start < index.docs.length; start += DOC_CHUNK) {
    const name = `d${start / DOC_CHUNK}`;
    const path = `${INDEX_DIR}/${name}.js`;
    const end = Math.min(start + DOC_CHUNK, index.docs.length);
    const hash = keep?.(path, chunkKey(name, index, start, end)) ?? null;
    if (hash !== null) {
      yield { path, hash };
      continue;
    }
    const chunk = index.docs
      .slice(start, end)
      .map((d, i) => docRecord(d, index.snippet(start + i)))
      .join(",");
    yield { path, contents: `${head(name)}[${chunk}]${TAIL}` };
  }
  yield registerScript("authors", facetList(index.facets, "a"));
}

/** What a stored-fields chunk is made from: its name, the format and its articles' keys. */
function chunkKey(name: string, index: IndexParts, start: number, end: number): string {
  const hasher = createHash("sha1").update(`${INDEX_VERSION}\0${name}`);
  for (let ord = start; ord < end; ord++) hasher.update("\0").update(index.key(ord));
  return hasher.digest("hex");
}

/**
 * The meta file. `build` is a hash of every other file, which the client appends to their URLs
 * (`?v=`) so a browser never mixes cached files of an older build with a newer one.
 */
export function metaFile(index: IndexParts, build: string): OutputFile {
  return registerScript("meta", {
    version: INDEX_VERSION,
    build,
    docs: index.docs.length,
    chunk: DOC_CHUNK,
    top: TOP_RESULTS,
    shards: index.shards.firsts,
    sources: facetList(index.facets, "s"),
    years: facetList(index.facets, "y").sort((a, b) => Number(b[0]) - Number(a[0])),
    authors: facetList(index.facets, "a").length,
  });
}

/** Filter values of one kind (`a`uthor, `s`ource, `y`ear) as [key, label, count], commonest first. */
function facetList(facets: IndexParts["facets"], kind: string): [string, string, number][] {
  return [...facets]
    .filter(([key]) => key[1] === kind)
    .map(([key, f]): [string, string, number] => [key.slice(3), f.label, f.count])
    .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
