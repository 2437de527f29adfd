import type { OutputFile } from "../../core/types.js";
import type { EncodedIndex } from "./index-builder.js";

/** Folder of the index files, relative to the site root. */
export const INDEX_DIR = "search/index";

/** Target size of a term shard; a single larger term gets a shard of its own. */
export const SHARD_CHARS = 64 * 1024;

/** Articles per stored-fields chunk: small, because a page of results touches several. */
export const DOC_CHUNK = 16;

/** Format version the client checks, so a stale script fails loudly. */
export const INDEX_VERSION = 1;

/** A script that hands its data to the page's search code; loads over HTTP and from file://. */
function registerScript(name: string, data: unknown): OutputFile {
  return {
    path: `${INDEX_DIR}/${name}.js`,
    contents: `BroadsheetSearch.register(${JSON.stringify(name)},${JSON.stringify(data)});\n`,
  };
}

/** Writes meta, term shards, stored-field chunks and the author list. */
export function writeIndexFiles(index: EncodedIndex): OutputFile[] {
  const files: OutputFile[] = [];
  const firstTerms: string[] = [];
  let shard: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (shard.length === 0) return;
    files.push(registerScript(`t${firstTerms.length}`, shard));
    firstTerms.push(shard[0] as string);
    shard = [];
    size = 0;
  };
  index.terms.forEach((term, i) => {
    const posting = index.postings[i] as string;
    const cost = term.length + posting.length + 6;
    if (size > 0 && size + cost > SHARD_CHARS) flush();
    shard.push(term, posting);
    size += cost;
  });
  flush();

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
  files.push(
    registerScript("meta", {
      version: INDEX_VERSION,
      docs: index.docs.length,
      chunk: DOC_CHUNK,
      shards: firstTerms,
      sources: byKind("s").sort(byCount),
      years: byKind("y").sort((a, b) => Number(b[0]) - Number(a[0])),
      authors: authors.length,
    }),
  );
  return files;
}
