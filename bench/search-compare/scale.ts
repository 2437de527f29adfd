/**
 * Checks the search scale targets on an index already written (for example by
 * `phases.ts --out DIR`): bytes a one-word query loads and its cold latency in Node and in
 * headless Chromium over HTTP and from file://.
 * Usage: npx tsx bench/search-compare/scale.ts <dir holding search/index/>
 */
import { copyFile, readFile, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { nodeBroadsheet } from "./broadsheet-node.js";

const QUERIES = ["sanctions", "tokyo", "the", "sanct"];
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"];
const PAGE = `<!doctype html><meta charset="utf-8"><script src="search-core.js"></script><script>
window.runQuery = async (q) => {
  const e = BroadsheetSearch.createEngine("search/index/");
  const r = await e.search({ q });
  let first = 0;
  const docs = await e.docs(Array.from(r.ords.slice(0, 10)), () => { first = first || performance.now(); });
  return { hits: r.ords.length, shown: docs.length, first };
};</script>`;

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? "/tmp/search-100k");
  await writeFile(join(dir, "bench.html"), PAGE);
  await copyFile("templates/assets/search-core.js", join(dir, "search-core.js"));
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
  const node = await nodeBroadsheet(dir, QUERIES);
  console.log(
    `node: worst query loads ${(node.bytes / 1024).toFixed(0)} KB, cold ${node.coldMs.toFixed(1)} ms, warm ${node.warmMs.toFixed(2)} ms (mean)`,
  );
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  try {
    for (const [scheme, url] of [
      ["http", `${origin}/bench.html`],
      ["file", `file://${join(dir, "bench.html")}`],
    ] as const) {
      for (const q of QUERIES) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url);
        const { ms, result, bytes } = await page.evaluate(async (query) => {
          const t = performance.now();
          // biome-ignore lint/suspicious/noExplicitAny: the bench page defines it.
          const result = await (window as any).runQuery(query);
          const ms = performance.now() - t;
          result.first = (result.first || performance.now()) - t;
          const bytes = performance
            .getEntriesByType("resource")
            .reduce((s, e) => s + ((e as PerformanceResourceTiming).encodedBodySize || 0), 0);
          return { ms, result, bytes };
        }, q);
        const files = await page.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .map((e) => e.name.split("/").pop()?.split("?")[0] ?? ""),
        );
        let disk = 0;
        for (const f of files.filter((name) => name.endsWith(".js")))
          disk += (await stat(join(dir, "search/index", f)).catch(() => stat(join(dir, f)))).size;
        console.log(
          `${scheme} "${q}": first result ${result.first.toFixed(0)} ms, all ten ${ms.toFixed(0)} ms cold, ${result.hits} hits, ${files.filter((name) => name.endsWith(".js")).length} files, ${(disk / 1024).toFixed(0)} KB loaded${scheme === "http" ? ` (${(bytes / 1024).toFixed(0)} KB by resource timing)` : ""}`,
        );
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
