/**
 * Splits cold one-word query latency in headless Chromium into loads and compute: the page of
 * scale.ts, with every index file's registration timestamped; reports the time to the first
 * result's stored fields and to all ten. Compares two client/index pairs
 * fairly by running them in turn. Usage:
 * npx tsx bench/search-compare/split.ts <dir holding search/index/> [search-core.js] [q1,q2,...] [runs]
 * (V=1 prints each query's timeline: resource start/end and registration times, ms from start.)
 */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const dir = resolve(process.argv[2] ?? "/tmp/search-100k");
const core = process.argv[3] ?? "templates/assets/search-core.js";
const QUERIES = (process.argv[4] ?? "sanctions,tokyo,the,sanct").split(",");
const RUNS = Number(process.argv[5] ?? 1);
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"];
const PAGE = `<!doctype html><meta charset="utf-8"><script src="search-core-prof.js"></script><script>
const reg = BroadsheetSearch.register; window.marks = [];
BroadsheetSearch.register = (n, d) => { window.marks.push([n, performance.now()]); reg(n, d); window.marks.push([n+'/done', performance.now()]); };
window.runQuery = async (q) => {
  const t0 = performance.now();
  const e = BroadsheetSearch.createEngine("search/index/");
  const r = await e.search({ q });
  const t1 = performance.now();
  let tf = 0;
  await e.docs(Array.from(r.ords.slice(0, 10)), () => { tf = tf || performance.now(); });
  const t2 = performance.now();
  return { hits: r.ords.length, t0, t1, tf: tf || t2, t2 };
};</script>`;
await writeFile(join(dir, "bench-prof.html"), PAGE);
await copyFile(core, join(dir, "search-core-prof.js"));
const server = createServer((req, res) => {
  const path = join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
  readFile(path).then(
    (body) => {
      res.writeHead(200, {
        "content-type": path.endsWith(".html") ? "text/html" : "text/javascript",
      });
      res.end(body);
    },
    () => {
      res.writeHead(404);
      res.end();
    },
  );
});
await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const all: Record<string, number[]> = {};
const load0 = loadavg()[0] ?? 0;
for (let run = 0; run < RUNS; run++)
  for (const [scheme, url] of [
    ["http", `${origin}/bench-prof.html`],
    ["file", `file://${join(dir, "bench-prof.html")}`],
  ] as const) {
    for (const q of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      const out = await page.evaluate(async (query) => {
        // biome-ignore lint/suspicious/noExplicitAny: the bench page defines it.
        const r = await (window as any).runQuery(query);
        const res = performance
          .getEntriesByType("resource")
          .map((e) => [
            e.name.split("/").pop()?.split("?")[0],
            Math.round(e.startTime - r.t0),
            Math.round((e as PerformanceResourceTiming).responseEnd - r.t0),
          ]);
        // biome-ignore lint/suspicious/noExplicitAny: the bench page defines it.
        const marks = (window as any).marks.map(([n, t]: [string, number]) => [
          n,
          Math.round(t - r.t0),
        ]);
        return {
          first: Math.round(r.tf - r.t0),
          total: Math.round(r.t2 - r.t0),
          search: Math.round(r.t1 - r.t0),
          docs: Math.round(r.t2 - r.t1),
          res: res.filter((x) => (x[1] as number) >= -5),
          marks,
        };
      }, q);
      for (const [key, ms] of [
        [`${scheme} first`, out.first],
        [`${scheme} all ten`, out.total],
      ] as const) {
        const list = all[key] ?? [];
        list.push(ms);
        all[key] = list;
      }
      if (RUNS === 1 || process.env.V) console.log(scheme, q, JSON.stringify(out));
      await context.close();
    }
  }
for (const [k, v] of Object.entries(all)) {
  v.sort((a, b) => a - b);
  console.log(
    k,
    "ms median",
    v[v.length >> 1],
    "min",
    v[0],
    "max",
    v[v.length - 1],
    JSON.stringify(v),
  );
}
console.log(`load average ${load0.toFixed(1)} at start, ${(loadavg()[0] ?? 0).toFixed(1)} at end`);
await browser.close();
server.close();
