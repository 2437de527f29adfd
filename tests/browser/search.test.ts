import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ARTICLES: Record<string, string> = {
  "a.txt": `https://www.cnn.com/2018/05/31/world/sanctions-iran/index.html\n['Jörg Müller']\n2018-05-31 00:00:00\nNew sanctions on Iran announced\n \nOfficials announced new sanctions on Tuesday.\n\nThe measures target banks.\n`,
  "b.txt": `https://www.bbc.com/news/weather-123\n[]\n2017-03-04 00:00:00\nWeather turns cold\n \nRain and a sanctuary for birds near the coast.\n`,
  "c.txt": `https://www.bbc.com/news/airships-9\n[]\n2016-01-02 00:00:00\nSky travel\n \n${"Slow ships drifted over quiet fields. ".repeat(14)}Then a zeppelin appeared <b>above</b> the town.\n\n${"Crowds gathered to watch it pass. ".repeat(6)}\n`,
};
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"];
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
};

let dir = "";
let server: Server;
let browser: Browser;
let origin = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "search-site-"));
  mkdirSync(join(dir, "in"));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, "in", name), text);
  execFileSync("node", [
    "bin/broadsheet.js",
    "build",
    join(dir, "in"),
    "--out",
    join(dir, "out"),
    "--include-suspect",
    "--quiet",
  ]);
  server = createServer((req, res) => {
    const path = join(dir, "out", decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    try {
      const body = readFileSync(path.endsWith("/") ? join(path, "index.html") : path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "text/html" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function resultTitles(page: Page): Promise<string[]> {
  // Results appear one by one after the status line, so wait for the last one.
  await page.waitForFunction(() => {
    const status = document.getElementById("search-status")?.textContent ?? "";
    const count = Number(/^(\d+) result/.exec(status)?.[1] ?? 0);
    return status !== "" && document.querySelectorAll(".search-result").length >= count;
  });
  return page.locator(".search-result-title").allTextContents();
}

describe.each(["http", "file"])("search page over %s", (scheme) => {
  const url = (query: string) =>
    scheme === "http"
      ? `${origin}/search/index.html${query}`
      : `file://${join(dir, "out", "search", "index.html")}${query}`;

  it("answers ?q= from the URL, with highlighted prefix matches", async () => {
    const page = await browser.newPage();
    await page.goto(url("?q=sanct"));
    expect(await resultTitles(page)).toEqual([
      "New sanctions on Iran announced",
      "Weather turns cold",
    ]);
    expect(await page.locator(".search-result mark").first().textContent()).toMatch(/^sanct/i);
    const href = await page.locator(".search-result-title a").first().getAttribute("href");
    await page.locator(".search-result-title a").first().click();
    await page.waitForURL((u) => !u.pathname.endsWith("/search/index.html"));
    expect(href?.startsWith("../")).toBe(true);
    await page.close();
  });

  it("updates results and the URL as the reader types, and shows a no-results state", async () => {
    const page = await browser.newPage();
    await page.goto(url(""));
    await page.locator("#search-q").pressSequentially("muller");
    await page.waitForFunction(() => location.search === "?q=muller");
    // Results for the earlier prefixes may still be on screen; wait for the final query's.
    await expect
      .poll(() => page.locator(".search-result-title").allTextContents(), { timeout: 10_000 })
      .toEqual(["New sanctions on Iran announced"]);
    await page.locator("#search-q").fill("zzyzx");
    await page.waitForFunction(() =>
      /No results/.test(document.getElementById("search-status")?.textContent ?? ""),
    );
    expect(await page.locator(".search-result").count()).toBe(0);
    await page.close();
  });

  it("shows a snippet window around a late match, as text with the word marked", async () => {
    const page = await browser.newPage();
    await page.goto(url("?q=zeppelin"));
    expect(await resultTitles(page)).toEqual(["Sky travel"]);
    const snippet = page.locator(".search-result-snippet");
    const text = (await snippet.textContent()) ?? "";
    expect(text.startsWith("…")).toBe(true);
    expect(text).toContain("zeppelin appeared <b>above</b>");
    expect(text.length).toBeLessThan(300);
    expect(await snippet.locator("mark").allTextContents()).toEqual(["zeppelin"]);
    expect(await snippet.locator("b").count()).toBe(0);
    await page.close();
  });

  it("filters by source and moves focus to results with the arrow keys", async () => {
    const page = await browser.newPage();
    await page.goto(url("?q=sanct&source=bbc.com"));
    expect(await resultTitles(page)).toEqual(["Weather turns cold"]);
    await page.locator("#search-q").focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Weather turns cold",
    );
    await page.close();
  });
});
