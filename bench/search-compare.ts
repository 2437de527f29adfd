/**
 * Compares search engines on a synthetic news corpus: build time, index bytes, bytes a
 * one-word query loads, query latency in Node and headless Chromium, and file:// support.
 * Usage: npx tsx bench/search-compare.ts [--sizes 2000,20000] [--engines broadsheet,pagefind,minisearch,flexsearch] [--no-browser]
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { analyzeForSearch, type SearchDoc } from "../src/render/search/analyze.js";
import { createSearchIndexBuilder } from "../src/render/search/index-builder.js";
import { articleFields } from "./lib/article.js";
import { AuthorPool } from "./lib/authors.js";
import { nodeBroadsheet } from "./search-compare/broadsheet-node.js";
import { type BrowserResult, browserQueries } from "./search-compare/browser.js";
import { buildFlexSearch, buildMiniSearch, type NodeEngine } from "./search-compare/libraries.js";
import { buildPagefind } from "./search-compare/pagefind.js";

const WORK = "bench/.work/search";
/** One-word queries: a topical word, a place, the commonest word, and a prefix. */
export const QUERIES = ["sanctions", "tokyo", "the", "sanct"];

/** One row of the comparison table. */
interface Row {
  engine: string;
  docs: number;
  buildSeconds: number;
  buildNote: string;
  totalBytes: number;
  files: number;
  node: { bytes: number; coldMs: number; warmMs: number } | null;
  browser: BrowserResult | null;
}

/** The corpus as search documents, generated in memory by the shared bench generator. */
export function corpus(n: number): SearchDoc[] {
  const spec = { n, seed: 1, pool: new AuthorPool(n, 1) };
  return Array.from({ length: n }, (_, id) => {
    const f = articleFields(spec, id);
    const date = /^\d{4}-\d{2}-\d{2}/.exec(f.date)?.[0] ?? null;
    return {
      id,
      path: `a/${id}/index.html`,
      title: f.title,
      authors: [...f.authors],
      date,
      year: date ? Number(date.slice(0, 4)) : null,
      source: new URL(f.url).hostname.replace(/^www\./, ""),
      text: f.paragraphs.join("\n\n"),
    };
  });
}

async function dirBytes(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    bytes += (await stat(join(e.parentPath, e.name))).size;
    files++;
  }
  return { bytes, files };
}

async function runBroadsheet(docs: SearchDoc[], dir: string): Promise<Omit<Row, "browser">> {
  const t0 = performance.now();
  const analyzed = docs.map(analyzeForSearch);
  const t1 = performance.now();
  const builder = createSearchIndexBuilder();
  for (const d of analyzed) builder.add(d, String(d.id));
  const files = builder.finish();
  const t2 = performance.now();
  for (const f of files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.contents);
  }
  const size = await dirBytes(dir);
  return {
    engine: "broadsheet (own, sharded)",
    docs: docs.length,
    buildSeconds: (t2 - t0) / 1000,
    buildNote: `analyze ${((t1 - t0) / 1000).toFixed(2)} s (per article, runs in workers) + index ${((t2 - t1) / 1000).toFixed(2)} s`,
    totalBytes: size.bytes,
    files: size.files,
    node: await nodeBroadsheet(dir, QUERIES),
  };
}

async function runLibrary(
  build: (docs: SearchDoc[], dir: string) => Promise<NodeEngine>,
  docs: SearchDoc[],
  dir: string,
): Promise<Omit<Row, "browser">> {
  const t0 = performance.now();
  const engine = await build(docs, dir);
  const seconds = (performance.now() - t0) / 1000;
  const size = await dirBytes(dir);
  return {
    engine: engine.name,
    docs: docs.length,
    buildSeconds: seconds,
    buildNote: engine.note,
    totalBytes: size.bytes,
    files: size.files,
    node: engine.query ? await engine.query(QUERIES) : null,
  };
}

const kb = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;

function table(rows: Row[]): string {
  const head =
    "| engine | docs | build | index size (files) | one-word query loads (Node / Chromium, max of queries) | latency Node cold / warm | latency Chromium HTTP | file:// |\n" +
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n";
  return (
    head +
    rows
      .map((r) => {
        const node = r.node
          ? `${r.node.coldMs.toFixed(1)} / ${r.node.warmMs.toFixed(2)} ms`
          : "n/a";
        const loads = `${r.node ? kb(r.node.bytes) : "n/a"} / ${r.browser?.bytes ? kb(r.browser.bytes) : "n/a"}`;
        const browser = r.browser?.ms ? `${r.browser.ms.toFixed(0)} ms` : "n/a";
        return `| ${r.engine} | ${r.docs} | ${r.buildSeconds.toFixed(2)} s | ${kb(r.totalBytes)} (${r.files}) | ${loads} | ${node} | ${browser} | ${r.browser?.fileUrl ?? "not tried"} |`;
      })
      .join("\n")
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "2000,20000" },
      engines: { type: "string", default: "broadsheet,pagefind,minisearch,flexsearch" },
      "no-browser": { type: "boolean", default: false },
    },
  });
  const browser = !values["no-browser"] && existsSync("/usr/bin/chromium");
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const n of values.sizes.split(",").map(Number)) {
    const t = performance.now();
    const docs = corpus(n);
    const textBytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
    notes.push(
      `${n} docs: ${kb(textBytes)} of body text, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    for (const engine of values.engines.split(",")) {
      const dir = join(WORK, `${engine}-${n}`);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      process.stderr.write(`search-compare: ${engine} × ${n}\n`);
      const row =
        engine === "broadsheet"
          ? await runBroadsheet(docs, dir)
          : engine === "pagefind"
            ? await runLibrary(buildPagefind, docs, dir)
            : engine === "minisearch"
              ? await runLibrary(buildMiniSearch, docs, dir)
              : await runLibrary(buildFlexSearch, docs, dir);
      const measured = browser ? await browserQueries(engine, dir, QUERIES) : null;
      rows.push({ ...row, browser: measured });
      process.stderr.write(`${table([rows.at(-1) as Row])}\n${row.buildNote}\n`);
    }
  }
  const report = `${table(rows)}\n\n${notes.map((n) => `- ${n}`).join("\n")}\n${rows.map((r) => `- ${r.engine} × ${r.docs}: ${r.buildNote}`).join("\n")}\n`;
  process.stdout.write(report);
  await writeFile(join(WORK, "report.md"), report);
  await readFile(join(WORK, "report.md"));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
