import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../../src/core/types.js";
import { buildFixture, cleanup } from "../helpers.js";
import {
  axeViolations,
  launchChromium,
  type StaticServer,
  serveStatic,
  vnuErrors,
} from "./browser-helpers.js";

const PAGE_SIZE = 2;
const COUNCIL = "2019/03/15/council-votes-on-the-harbour-budget/index.html";
const HOSTILE = "undated/img-src-x-onerror-alert-1-headline-with-markup/index.html";
const MARKDOWN = "2019/03/16/notes-from-the-archive-desk/index.html";
const AUTHOR = "authors/jane-doe/index.html";
const SEARCH = "search/index.html";

/** One built page of every kind, for the markup checker. */
const SAMPLE = [
  "index.html",
  "page/2/index.html",
  COUNCIL,
  HOSTILE,
  MARKDOWN,
  AUTHOR,
  "sources/example-news.com/index.html",
  "sources/example-news.com/local/index.html",
  "2019/index.html",
  "2019/03/index.html",
  "2019/03/14/index.html",
  "undated/index.html",
  "authors/index.html",
  "sources/index.html",
  "dates/index.html",
  SEARCH,
  "report/index.html",
  "404.html",
];

let dir = "";
let out = "";
let result: BuildResult;
let server: StaticServer;
let browser: Browser;
let light: Page;
let dark: Page;
let phone: Page;
let vnu: Promise<string[]>;

beforeAll(async () => {
  ({ dir, out, result } = await buildFixture("basic", {
    pageSize: PAGE_SIZE,
    baseUrl: "https://example.org/a/",
  }));
  // The checker's JVM starts slowly: let it run while the browser tests do.
  vnu = vnuErrors(SAMPLE.map((p) => path.join(out, p)));
  // The markup test reports a failure; until it awaits, a rejection must not count as unhandled.
  vnu.catch(() => {});
  server = await serveStatic(out);
  browser = await launchChromium();
  const open = async (options: Parameters<Browser["newContext"]>[0]) => {
    const context: BrowserContext = await browser.newContext(options);
    return context.newPage();
  };
  light = await open({ colorScheme: "light" });
  dark = await open({ colorScheme: "dark" });
  phone = await open({ colorScheme: "light", viewport: { width: 375, height: 740 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await cleanup(dir);
});

/** The relative path of the page's URL inside the site, for either scheme. */
function sitePath(page: Page): string {
  const url = new URL(page.url());
  const root = url.protocol === "file:" ? new URL(`file://${out}/`) : new URL(`${url.origin}/`);
  return decodeURIComponent(url.pathname.slice(root.pathname.length));
}

const heading = (page: Page) => page.locator("h1").textContent();
const entryTitles = (page: Page) => page.locator(".entry-title").allTextContents();

/** Relative luminance of a computed `rgb(...)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// A shared two-core machine can slow Chromium down several times over; the margin is for that.
describe.each(["http", "file"])("the built site over %s", { timeout: 60_000 }, (scheme) => {
  const url = (rel: string) =>
    scheme === "http" ? `${server.origin}/${rel}` : `file://${path.join(out, rel)}`;

  it("goes from home to an article, to its author, and back", async () => {
    await light.goto(url("index.html"));
    expect(await heading(light)).toBe("Latest articles");
    await light.getByRole("link", { name: "Council votes on the harbour budget" }).click();
    await light.waitForURL(/council-votes/);
    expect(sitePath(light)).toBe(COUNCIL);
    expect(await heading(light)).toBe("Council votes on the harbour budget");
    await light.locator(".byline").getByRole("link", { name: "Zoë Müller" }).click();
    await light.waitForURL(/authors\//);
    expect(sitePath(light)).toBe("authors/zoe-muller/index.html");
    expect(await heading(light)).toBe("Zoë Müller");
    expect(await entryTitles(light)).toEqual(["Council votes on the harbour budget"]);
    await light.goBack();
    expect(sitePath(light)).toBe(COUNCIL);
    expect(await heading(light)).toBe("Council votes on the harbour budget");
    await light.goBack();
    expect(sitePath(light)).toBe("index.html");
    expect(await heading(light)).toBe("Latest articles");
  });

  it("pages through the home listing with the number links and Older →", async () => {
    const total = Math.ceil(result.articles / PAGE_SIZE);
    expect(total).toBeGreaterThan(2);
    await light.goto(url("index.html"));
    const first = await entryTitles(light);
    expect(first).toHaveLength(PAGE_SIZE);
    expect(await light.locator(".count").textContent()).toContain(`page 1 of ${total}`);
    await light.locator(".pagination").getByRole("link", { name: "2", exact: true }).click();
    await light.waitForURL(/page\/2\//);
    expect(sitePath(light)).toBe("page/2/index.html");
    expect(await light.locator(".count").textContent()).toContain(`page 2 of ${total}`);
    const second = await entryTitles(light);
    expect(second).toHaveLength(PAGE_SIZE);
    expect(second.filter((t) => first.includes(t))).toEqual([]);
    await light.getByRole("link", { name: "Older →" }).click();
    await light.waitForURL(/page\/3\//);
    expect(await light.locator(".count").textContent()).toContain(`page 3 of ${total}`);
    const third = await entryTitles(light);
    expect(third.filter((t) => first.includes(t) || second.includes(t))).toEqual([]);
    await light.getByRole("link", { name: "← Newer" }).click();
    await light.waitForURL(/page\/2\//);
    expect(await entryTitles(light)).toEqual(second);
  });

  it("opens each month page from the bars of the home timeline", async () => {
    await light.goto(url("index.html"));
    const bars = light.locator("figure.timeline svg a");
    const targets = await bars.evaluateAll((links) =>
      links.map((a) => ({
        href: a.getAttribute("href") ?? "",
        label: a.getAttribute("aria-label") ?? "",
      })),
    );
    expect(targets.length).toBeGreaterThan(1);
    for (const [i, { href, label }] of targets.entries()) {
      const [, month = "", count = ""] = /^(.+): (\d+) articles?$/.exec(label) ?? [];
      expect([href, month]).toEqual([expect.stringMatching(/^\d{4}\/\d{2}\/index\.html$/), month]);
      expect(month).not.toBe("");
      await light.goto(url("index.html"));
      await bars.nth(i).click();
      await light.waitForURL((u) => u.pathname.endsWith(`/${href}`));
      expect(sitePath(light)).toBe(href);
      expect(await heading(light)).toBe(month);
      expect(await light.locator(".count").textContent()).toMatch(
        new RegExp(`^${count} articles?\\b`),
      );
    }
  });

  it("never scrolls sideways at 375 px", async () => {
    const widths: Record<string, number> = {};
    for (const rel of [
      "index.html",
      COUNCIL,
      AUTHOR,
      "authors/index.html",
      SEARCH,
      `${SEARCH}?q=harbour`,
      "report/index.html",
    ]) {
      await phone.goto(url(rel));
      if (rel === COUNCIL) await phone.locator(".changes summary").click();
      if (rel.includes("?q=")) await phone.locator(".search-result").first().waitFor();
      widths[rel] = await phone.evaluate(() => document.documentElement.scrollWidth);
    }
    expect(Object.entries(widths).filter(([, width]) => width > 375)).toEqual([]);
  });

  it("follows the reader's dark colour scheme", async () => {
    const colours = async (page: Page) => {
      await page.goto(url(COUNCIL));
      return page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return { bg: style.backgroundColor, fg: style.color };
      });
    };
    const night = await colours(dark);
    const day = await colours(light);
    expect(luminance(night.bg)).toBeLessThan(0.05);
    expect(luminance(night.fg)).toBeGreaterThan(0.6);
    expect(luminance(day.bg)).toBeGreaterThan(0.9);
  });
});

// Axe sees the same DOM whichever way the files arrive, so it runs once, over HTTP.
describe("accessibility", () => {
  const pages = [
    "index.html",
    COUNCIL,
    AUTHOR,
    "authors/index.html",
    SEARCH,
    `${SEARCH}?q=harbour`,
  ];
  const check = async (page: Page, rules?: string[], only = pages) => {
    const found: string[] = [];
    for (const rel of only) {
      await page.goto(`${server.origin}/${rel}`);
      if (rel.includes("?q=")) await page.locator(".search-result").first().waitFor();
      found.push(...(await axeViolations(page, rules)).map((v) => `${rel} ${v}`));
    }
    return found;
  };

  it("has no axe-core violations on the main page kinds", { timeout: 90_000 }, async () => {
    expect(await check(light)).toEqual([]);
  });

  it("keeps text contrast in the dark colour scheme", { timeout: 60_000 }, async () => {
    // Home, an article and search results between them use every colour of the palette.
    const sample = ["index.html", COUNCIL, `${SEARCH}?q=harbour`];
    expect(await check(dark, ["color-contrast"], sample)).toEqual([]);
  });
});

describe("the built markup", () => {
  it("passes the Nu Html Checker on every kind of page", { timeout: 120_000 }, async () => {
    const errors = await vnu;
    expect(errors.map((e) => e.replace(`file:${out}/`, ""))).toEqual([]);
  });
});
