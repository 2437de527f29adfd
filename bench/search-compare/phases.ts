/**
 * Times the search phases on a generated corpus folder: analyzeForSearch per article, add,
 * finish, and the heap the builder holds. Usage:
 * node --expose-gc --import tsx bench/search-compare/phases.ts <corpus-dir> [--limit N] [--out DIR] [--src DIR]
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { SearchDoc } from "../../src/render/search/analyze.js";

/** The search fields of one article file in the input layout (a rough parse, enough here). */
/** A copy that does not keep the whole file text alive, as `split` pieces would. */
const own = (s: string): string => Buffer.from(s).toString();

function readDoc(path: string, id: number): SearchDoc {
  const lines = readFileSync(path, "utf8").split("\n");
  const authors = [...(lines[1] ?? "").matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) =>
    own(m[1] ?? m[2] ?? ""),
  );
  const date = /^\d{4}-\d{2}-\d{2}/.exec(lines[2] ?? "")?.[0] ?? null;
  const url = lines[0] ?? "";
  return {
    id,
    path: `a/${id}/index.html`,
    title: own(lines[3] ?? ""),
    authors,
    date,
    year: date ? Number(date.slice(0, 4)) : null,
    source: own(/^https?:\/\/(?:www\.)?([^/]+)/.exec(url)?.[1] ?? "") || null,
    text: lines.slice(5).join("\n"),
  };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: "string" },
      out: { type: "string" },
      // Another checkout's src/ folder, to time an earlier version the same way.
      src: { type: "string", default: new URL("../../src", import.meta.url).pathname },
    },
  });
  const { analyzeForSearch } = (await import(
    join(values.src, "render/search/analyze.ts")
  )) as typeof import("../../src/render/search/analyze.js");
  const { createSearchIndexBuilder } = (await import(
    join(values.src, "render/search/index-builder.ts")
  )) as typeof import("../../src/render/search/index-builder.js");
  const dir = positionals[0] ?? "bench/.work/corpus-10000";
  let names = readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort();
  if (values.limit) names = names.slice(0, Number(values.limit));
  gc();
  // Heap plus array buffers: the posting pool lives in array buffers, outside the JS heap.
  const held = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heap0 = held();
  const rss0 = process.memoryUsage().rss;
  const builder = createSearchIndexBuilder();
  let analyze = 0;
  let add = 0;
  let analyzeCpu = 0;
  let addCpu = 0;
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let textBytes = 0;
  const analyzed = [];
  // Read everything first so file I/O stays out of the analysis time; keep text only per batch.
  const BATCH = 2000;
  for (let start = 0; start < names.length; start += BATCH) {
    const docs = names.slice(start, start + BATCH).map((n, i) => readDoc(join(dir, n), start + i));
    for (const d of docs) textBytes += Buffer.byteLength(d.text);
    const c0 = cpu();
    const t0 = performance.now();
    for (const d of docs) analyzed.push(analyzeForSearch(d));
    const t1 = performance.now();
    const c1 = cpu();
    for (const a of analyzed) builder.add(a, String(a.id));
    add += performance.now() - t1;
    addCpu += cpu() - c1;
    analyzeCpu += c1 - c0;
    analyze += t1 - t0;
    analyzed.length = 0;
  }
  gc();
  const heapAdded = held() - heap0;
  const c2 = cpu();
  const t2 = performance.now();
  const files = [...builder.finish()];
  const finish = performance.now() - t2;
  const finishCpu = cpu() - c2;
  const rssPeak = process.memoryUsage().rss - rss0;
  let indexBytes = 0;
  for (const f of files) indexBytes += Buffer.byteLength(f.contents);
  const n = names.length;
  console.log(
    [
      `articles ${n}, body text ${mb(textBytes)}`,
      `wall: analyzeForSearch ${(analyze / 1000).toFixed(2)} s (${(analyze / n).toFixed(3)} ms/article), add ${(add / 1000).toFixed(2)} s, finish ${(finish / 1000).toFixed(2)} s`,
      `cpu:  analyzeForSearch ${(analyzeCpu / 1000).toFixed(2)} s (${(analyzeCpu / n).toFixed(3)} ms/article), add ${(addCpu / 1000).toFixed(2)} s, finish ${(finishCpu / 1000).toFixed(2)} s, add+finish ${((addCpu + finishCpu) / 1000).toFixed(2)} s`,
      `heap + array buffers held after adds ${mb(heapAdded)}, rss growth at end ${mb(rssPeak)}`,
      `index ${files.length} files, ${mb(indexBytes)} (${((100 * indexBytes) / textBytes).toFixed(1)}% of body text)`,
    ].join("\n"),
  );
  if (values.out) {
    for (const f of files) {
      await mkdir(dirname(join(values.out, f.path)), { recursive: true });
      await writeFile(join(values.out, f.path), f.contents);
    }
  }
}

await main();
