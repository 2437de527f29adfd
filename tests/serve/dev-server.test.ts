import { execFile } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer } from "../../src/serve/dev-server.js";
import { OVERLAY_ID } from "../../src/serve/live-client.js";
import type { RunningServer } from "../../src/serve/preview-server.js";
import { launchChromium } from "./browser.js";
import { articleText, devOptions, makeProject } from "./fixture-corpus.js";
import { fetchRaw } from "./http-client.js";

/** Upper bound for one edit to show in the browser in this test (see the test's comment). */
const RELOAD_BOUND_MS = 3000;

const execFileAsync = promisify(execFile);
let project: Awaited<ReturnType<typeof makeProject>>;
let server: RunningServer;
let browser: Browser;
let page: Page;
const logs: string[] = [];
const storyFile = () => join(project.inputs, "story-00003.txt");

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The site path of the article page whose folder is named `slug`. */
/**
 * Reads from the page, again once it has loaded if a reload replaced the document meanwhile: an
 * edit reloads a tab twice, once for the edited page and once when the rebuild after it is done.
 */
async function readPage<T>(read: () => T): Promise<T> {
  for (;;) {
    try {
      return await page.evaluate(read);
    } catch (error) {
      if (!String(error).includes("Execution context was destroyed")) throw error;
      await page.waitForLoadState("domcontentloaded");
    }
  }
}

async function articlePath(slug: string): Promise<string> {
  const file = (await walk(project.out)).find((f) => f.endsWith(`/${slug}/index.html`));
  if (file === undefined) throw new Error(`no page for ${slug}`);
  return `/${relative(project.out, file).replace(/index\.html$/, "")}`;
}

const overlay = () => page.locator(`#${OVERLAY_ID}`);
/** The overlay's panel, inside its shadow root (Playwright's CSS engine pierces open roots). */
const overlayText = () => overlay().locator("section").textContent();

beforeAll(async () => {
  project = await makeProject("broadsheet-dev-", 6);
  server = await startDevServer(devOptions(project, (line) => logs.push(line)));
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  if (process.env.SHOW_DEV_LOG) console.log(logs.join("\n"));
  await browser?.close();
  await server?.close();
  await rm(project.base, { recursive: true, force: true });
});

describe("startDevServer", () => {
  it("builds, then serves the site on loopback with the reload client added on the fly", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(logs[0]).toMatch(/^Built 6 articles/);
    const home = await fetchRaw(server.url, "/");
    expect(home.status).toBe(200);
    expect(home.headers["cache-control"]).toBe("no-store");
    expect(home.body).toContain('<script src="/__broadsheet/client.js" data-build="1"></script>');
    for (const file of await walk(project.out)) {
      expect(await readFile(file, "utf8"), file).not.toContain("__broadsheet");
    }
  });

  it("answers an unknown page with 404 and still loads the client", async () => {
    const r = await fetchRaw(server.url, "/no/such/page/");
    expect(r.status).toBe(404);
    expect(r.body).toContain("/__broadsheet/client.js");
    expect((await fetchRaw(server.url, "/../../etc/passwd")).status).toBe(400);
  });

  // The product target is 500 ms on an idle machine; speed is the benchmark's to measure, so this
  // test asserts the reload itself with a bound loose enough for a loaded CI machine.
  it("shows an edit in the open tab promptly, by reloading it", async () => {
    const path = await articlePath("harbour-story-number-3");
    await page.goto(new URL(path, server.url).href);
    await page.waitForFunction(() => document.body.textContent?.includes("day 3 of the season"));
    const latencies: number[] = [];
    // Best of up to five: other work on a busy machine may slow any single one.
    for (const catchOf of ["herring", "mackerel", "cod", "sprat", "plaice"]) {
      await page.waitForFunction(() => document.readyState === "complete");
      await page.evaluate(() => {
        (window as unknown as { marker: number }).marker = 1;
      });
      const started = Date.now();
      await writeFile(
        storyFile(),
        articleText(
          3,
          "Harbour story number 3",
          `Fishing boats came back with a record catch of ${catchOf}.`,
        ),
      );
      await page.waitForFunction(
        (text) => document.body.textContent?.includes(text),
        `record catch of ${catchOf}`,
        { timeout: 5000, polling: 10 },
      );
      // When the new document was parsed, by the page's own clock: not when polling noticed.
      const shownAt = await readPage(() => {
        const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
        return performance.timeOrigin + (nav?.domContentLoadedEventStart ?? performance.now());
      });
      latencies.push(shownAt - started);
      expect(await readPage(() => "marker" in window)).toBe(false);
      if (shownAt - started < RELOAD_BOUND_MS) break;
    }
    expect(Math.min(...latencies)).toBeLessThan(RELOAD_BOUND_MS);
    // The edited page goes out first; the rebuild that brings the rest along is logged after it.
    expect(logs.some((l) => /1 page updated/.test(l))).toBe(true);
    await expect
      .poll(() => logs.some((l) => l.includes("story-00003.txt changed")), { timeout: 15_000 })
      .toBe(true);
  });

  it("shows a broken file's error in an overlay while the last good page stays", async () => {
    await writeFile(storyFile(), "this is not a URL\n[]\n\nNo title\n \nBody.\n");
    await overlay().waitFor({ state: "visible", timeout: 5000 });
    const text = await overlayText();
    expect(text).toContain("1 error in the last build");
    expect(text).toMatch(/story-00003\.txt:1/);
    expect(text).toContain("[parse/not-an-article]");
    expect(await page.locator("body").textContent()).toMatch(/record catch of \w+/);
    expect(logs.some((l) => /story-00003\.txt:1 {2}error/.test(l))).toBe(true);
  });

  it("lets the overlay be dismissed", async () => {
    await page.keyboard.press("Escape");
    await overlay().waitFor({ state: "detached", timeout: 2000 });
  });

  it("clears the overlay once the file is fixed", async () => {
    await page.reload();
    await overlay().waitFor({ state: "visible", timeout: 5000 });
    await writeFile(
      storyFile(),
      articleText(3, "Harbour story number 3", "The harbour reopened at dawn."),
    );
    await page.waitForFunction(
      () => document.body.textContent?.includes("reopened at dawn"),
      undefined,
      {
        timeout: 5000,
      },
    );
    await overlay().waitFor({ state: "detached", timeout: 5000 });
    expect(logs.at(-1)).toBe("✓ No errors left.");
  });

  it("shows a broken template as a failed build, keeping the site served", async () => {
    const layout = join(project.templates, "layout.eta");
    const good = await readFile(layout, "utf8");
    await writeFile(layout, `${good}\n<%= it.noSuchThing.deeper %>\n`);
    await overlay().waitFor({ state: "visible", timeout: 5000 });
    expect(await overlayText()).toContain("The build failed");
    expect((await fetchRaw(server.url, "/")).status).toBe(200);
    await writeFile(layout, good);
    await overlay().waitFor({ state: "detached", timeout: 5000 });
  });

  it("coalesces a scraper writing 1,000 files into one rebuild", async () => {
    const before = logs.filter((l) => l.startsWith("↻")).length;
    // A separate process, as a scraper is: the dev server's event loop stays free meanwhile.
    const script = [
      'const { writeFileSync } = require("node:fs");',
      'const { join } = require("node:path");',
      "const [dir, text] = process.argv.slice(1);",
      // Pausing now and then, as a scraper waits for pages: the burst lasts about 400 ms, longer
      // than the watcher holds back what follows its first change.
      "const pause = new Int32Array(new SharedArrayBuffer(4));",
      "for (let n = 0; n < 1000; n++) {",
      "  if (n % 50 === 49) Atomics.wait(pause, 0, 0, 20);",
      '  writeFileSync(join(dir, "burst-" + n + ".txt"), text.replace(/NUMBER/g, String(n)));',
      "}",
    ].join("\n");
    const text = articleText(1, "Burst story NUMBER", "Written in a burst, number NUMBER.");
    await execFileAsync(process.execPath, ["-e", script, project.inputs, text]);
    await expect
      .poll(() => logs.filter((l) => l.startsWith("↻")).length - before, { timeout: 30_000 })
      .toBe(1);
    await new Promise((r) => setTimeout(r, 1000));
    const rebuilds = logs.filter((l) => l.startsWith("↻")).slice(before);
    expect(rebuilds).toHaveLength(1);
    expect(rebuilds[0]).toMatch(/^↻ 1000 files changed/);
  });

  it("stops cleanly, leaving no staging or temporary folders behind", async () => {
    await server.close();
    const left = (await readdir(project.base)).sort();
    expect(left).toEqual([".broadsheet-cache", "dist", "in", "templates"]);
    await expect(fetchRaw(server.url, "/")).rejects.toThrow();
  });
});
