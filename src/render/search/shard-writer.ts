import { createHash } from "node:crypto";
import type { OutputFile } from "../../core/types.js";
import type { StoredDoc } from "./analyze.js";

/** Folder of the index files, relative to the site root. */
export const INDEX_DIR = "search/index";

/** Target size of a term shard; a single larger term gets a shard of its own. */
export const SHARD_CHARS = 64 * 1024;

/** Articles per stored-fields chunk: small, because a page of results touches several. */
export const DOC_CHUNK = 16;

/** Format version the client checks, so a stale script fails loudly. */
export const INDEX_VERSION = 3;

const encoder = new TextEncoder();
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

/**
 * Term shards written straight into byte buffers: each shard registers a JSON array of
 * alternating terms and encoded posting lists, terms in sorted order.
 */
export class TermShards {
  readonly files: OutputFile[] = [];
  /** First term of each shard, for the client's binary search. */
  readonly firsts: string[] = [];
  private buf = new Uint8Array(SHARD_CHARS * 2);
  private at = 0;
  private size = 0;
  private first = "";

  /** Adds a term whose encoded postings are `postings[0, length)`; terms come sorted. */
  add(term: string, postings: Uint8Array, length: number): void {
    const cost = term.length + length + 6;
    if (this.size > 0 && this.size + cost > SHARD_CHARS) this.flush();
    if (this.size === 0) {
      this.first = term;
      this.at = 0;
      this.put(head(`t${this.firsts.length}`));
      this.buf[this.at++] = 91;
    } else this.buf[this.at++] = COMMA;
    this.put(JSON.stringify(term));
    this.reserve(length + 3);
    this.buf[this.at++] = COMMA;
    this.buf[this.at++] = QUOTE;
    this.buf.set(postings.subarray(0, length), this.at);
    this.at += length;
    this.buf[this.at++] = QUOTE;
    this.size += cost;
  }

  /** Writes the last shard; call once after the last term. */
  flush(): void {
    if (this.size === 0) return;
    this.buf[this.at++] = 93;
    this.put(TAIL);
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

/** Term shards, stored fields in archive order, and each filter key's label and count. */
export interface IndexParts {
  shards: TermShards;
  docs: StoredDoc[];
  facets: Map<string, { label: string; count: number }>;
}

/**
 * Writes term shards, stored-field chunks, the author list and meta. Meta carries a hash of
 * every other file, which the client appends to their URLs (`?v=`) so a browser never mixes
 * cached files of an older build with a newer one.
 */
export function writeIndexFiles(index: IndexParts): OutputFile[] {
  index.shards.flush();
  const files = [...index.shards.files];
  for (let start = 0; start < index.docs.length; start += DOC_CHUNK) {
    const chunk = index.docs
      .slice(start, start + DOC_CHUNK)
      .map((d) => [d.path, d.title, d.date, d.source, d.authors, d.snippet]);
    files.push(registerScript(`d${start / DOC_CHUNK}`, chunk));
  }
  const byKind = (kind: string): [string, string, number][] =>
    [...index.facets]
      .filter(([key]) => key[1] === kind)
      .map(([key, f]): [string, string, number] => [key.slice(3), f.label, f.count]);
  const byCount = (a: [string, string, number], b: [string, string, number]): number =>
    b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const authors = byKind("a").sort(byCount);
  files.push(registerScript("authors", authors));
  const hash = createHash("sha1");
  for (const f of files) hash.update(f.contents);
  files.push(
    registerScript("meta", {
      version: INDEX_VERSION,
      build: hash.digest("hex").slice(0, 12),
      docs: index.docs.length,
      chunk: DOC_CHUNK,
      shards: index.shards.firsts,
      sources: byKind("s").sort(byCount),
      years: byKind("y").sort((a, b) => Number(b[0]) - Number(a[0])),
      authors: authors.length,
    }),
  );
  return files;
}
