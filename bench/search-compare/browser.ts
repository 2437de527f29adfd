import { copyFile, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { chromium } from "playwright-core";

/** What one engine achieved in headless Chromium. */
export interface BrowserResult {
  /** Most bytes any one-word query downloaded, index files and scripts. */
  bytes: number;
  /** Mean cold latency over the queries: load what is needed, rank, fetch top 10 fields. */
  ms: number;
  /** Whether the same page works opened from disk. */
  fileUrl: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

/** A static file server on loopback for the bench; closes with the returned server. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    readFile(path).then(
      (body) => {
        res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const PAGES: Record<string, string> = {
  broadsheet: `<script src="search-core.js"></script><script>
window.runQuery = async (q) => {
  const e = BroadsheetSearch.createEngine("search/index/");
  const r = await e.search({ q });
  const docs = await e.docs(Array.from(r.ords.slice(0, 10)));
  return docs.length;
};</script>`,
  pagefind: `<script>
window.runQuery = async (q) => {
  const pf = await import("./pagefind/pagefind.js");
  const r = await pf.search(q);
  const docs = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return docs.length;
};</script>`,
  minisearch: `<script src="minisearch.js"></script><script>
window.runQuery = (q) => new Promise((ok, fail) => {
  const s = document.createElement("script");
  s.src = "index.js";
  s.onerror = fail;
  s.onload = () => {
    const ms = MiniSearch.loadJS(window.MINI, { fields: ["title", "authors", "text"], storeFields: ["path", "title", "date", "source", "authors", "snippet"] });
    ok(ms.search(q, { prefix: true, boost: { title: 3, authors: 2 } }).slice(0, 10).length);
  };
  document.head.append(s);
});</script>`,
};

async function preparePage(engine: string, dir: string): Promise<boolean> {
  const page = PAGES[engine];
  if (!page) return false;
  await writeFile(join(dir, "bench.html"), `<!doctype html><meta charset="utf-8">${page}`);
  if (engine === "broadsheet") {
    await copyFile("templates/assets/search-core.js", join(dir, "search-core.js"));
  }
  if (engine === "minisearch") {
    await copyFile("node_modules/minisearch/dist/umd/index.js", join(dir, "minisearch.js"));
  }
  return true;
}

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Runs each query in a fresh browser context (cold cache) over HTTP, then tries file://. */
export async function browserQueries(
  engine: string,
  dir: string,
  queries: readonly string[],
): Promise<BrowserResult | null> {
  if (!(await preparePage(engine, dir))) return null;
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let bytes = 0;
    let ms = 0;
    for (const q of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/bench.html`);
      let loaded = 0;
      page.on("response", (r) => {
        r.body().then(
          (b) => {
            loaded += b.length;
          },
          () => {},
        );
      });
      ms += await page.evaluate(async (query) => {
        const t = performance.now();
        // biome-ignore lint/suspicious/noExplicitAny: the bench page defines it.
        await (window as any).runQuery(query);
        return performance.now() - t;
      }, q);
      await page.waitForTimeout(50);
      bytes = Math.max(bytes, loaded);
      await context.close();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`file://${resolve(dir, "bench.html")}`);
    const fileUrl = await page
      // biome-ignore lint/suspicious/noExplicitAny: the bench page defines it.
      .evaluate((q) => (window as any).runQuery(q), queries[0])
      .then(
        (n: number) => (n > 0 ? "yes" : "loads, no results"),
        (e: Error) => `no (${String(e.message).split("\n")[0]?.slice(0, 60)})`,
      );
    await context.close();
    return { bytes, ms: ms / queries.length, fileUrl };
  } finally {
    await browser.close();
    server.close();
  }
}
