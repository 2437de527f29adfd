import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Document } from "flexsearch";
import MiniSearch from "minisearch";
import { makeSnippet, type SearchDoc } from "../../src/render/search/analyze.js";

/** A library engine after building, with a Node query runner over its written index. */
export interface NodeEngine {
  name: string;
  note: string;
  query?: (
    queries: readonly string[],
  ) => Promise<{ bytes: number; coldMs: number; warmMs: number }>;
}

const stored = (d: SearchDoc) => ({
  path: d.path,
  title: d.title,
  date: d.date,
  source: d.source,
  authors: d.authors.join(", "),
  snippet: makeSnippet(d.text),
});

/** Times `fn` once per query; cold includes `load`, warm reuses its result. */
async function time<T>(
  queries: readonly string[],
  load: () => T,
  fn: (engine: T, q: string) => unknown,
): Promise<{ coldMs: number; warmMs: number }> {
  let cold = 0;
  let warm = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const engine = load();
    fn(engine, q);
    const t1 = performance.now();
    fn(engine, q);
    warm += performance.now() - t1;
    cold += t1 - t0;
  }
  return { coldMs: cold / queries.length, warmMs: warm / queries.length };
}

const MINI_OPTIONS = {
  fields: ["title", "authors", "text"],
  storeFields: ["path", "title", "date", "source", "authors", "snippet"],
  searchOptions: { boost: { title: 3, authors: 2 }, prefix: true },
};

/** MiniSearch: one JSON index, wrapped in a script so it could load from file://. */
export async function buildMiniSearch(docs: SearchDoc[], dir: string): Promise<NodeEngine> {
  const ms = new MiniSearch(MINI_OPTIONS);
  ms.addAll(
    docs.map((d) => ({ id: d.id, ...stored(d), authors: d.authors.join(", "), text: d.text })),
  );
  const json = JSON.stringify(ms);
  await writeFile(join(dir, "index.js"), `window.MINI=${json};`);
  return {
    name: "MiniSearch 7.2 (single file)",
    note: "whole index is one file; every query loads all of it",
    query: async (queries) => ({
      bytes: Buffer.byteLength(json) + 10,
      ...(await time(
        queries,
        () => MiniSearch.loadJSON(json, MINI_OPTIONS),
        (e, q) => e.search(q).slice(0, 10),
      )),
    }),
  };
}

const FLEX_OPTIONS = {
  tokenize: "forward" as const,
  document: {
    id: "id",
    index: ["title", "authors", "text"],
    store: ["path", "title", "date", "source", "authors", "snippet"],
  },
};

/** FlexSearch: exported chunks, all of which must be imported before any query. */
export async function buildFlexSearch(docs: SearchDoc[], dir: string): Promise<NodeEngine> {
  const index = new Document(FLEX_OPTIONS);
  for (const d of docs) index.add({ id: d.id, ...stored(d), text: d.text });
  const chunks: [string, string][] = [];
  await index.export((key: string, data: string) => {
    chunks.push([key, data]);
  });
  let bytes = 0;
  for (const [i, [key, data]] of chunks.entries()) {
    const text = `FLEX(${JSON.stringify(key)},${JSON.stringify(data)});`;
    bytes += Buffer.byteLength(text);
    await writeFile(join(dir, `chunk-${i}.js`), text);
  }
  return {
    name: "FlexSearch 0.8 (forward tokenizer, exported chunks)",
    note: `${chunks.length} exported chunks; import needs all of them before the first query`,
    query: async (queries) => ({
      bytes,
      ...(await time(
        queries,
        () => {
          const e = new Document(FLEX_OPTIONS);
          for (const [key, data] of chunks) e.import(key, data);
          return e;
        },
        (e, q) => e.search(q, { limit: 10, enrich: true }),
      )),
    }),
  };
}
