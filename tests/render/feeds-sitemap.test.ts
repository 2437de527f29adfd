import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/core/types.js";
import { renderFeeds } from "../../src/render/feeds.js";
import { jsonForScript } from "../../src/render/pages/common.js";
import { renderSitemaps } from "../../src/render/sitemap.js";
import { testEntry } from "../helpers.js";

function entry(i: number, dated = true): Entry {
  return testEntry({
    id: i,
    path: `2018/05/${String((i % 28) + 1).padStart(2, "0")}/story-${i}/index.html`,
    file: `f${i}.txt`,
    title: `Story ${i} <b>& "quotes"</b>`,
    authors: [{ name: "Jane Doe", slug: "jane-doe" }],
    published: dated
      ? {
          year: 2018,
          month: 5,
          day: 1,
          precision: "date",
          iso: "2018-05-01",
          epochMs: Date.UTC(2018, 4, 1) - i * 1000,
        }
      : null,
    domain: "example.com",
    url: `https://example.com/${i}`,
    link: `https://example.com/${i}`,
    wordCount: 100,
    contentHash: "h",
    summary: "Summary </script> text",
  });
}

describe("feeds", () => {
  const entries = [...Array.from({ length: 60 }, (_, i) => entry(i)), entry(99, false)];
  const files = renderFeeds(entries, "Test & archive", "https://example.org/a/");
  const byPath = new Map(files.map((f) => [f.path, String(f.contents)]));

  it("writes well-formed Atom and RSS with the newest 50 dated articles", () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const atom = byPath.get("feed.xml") ?? "";
    const rss = byPath.get("rss.xml") ?? "";
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(XMLValidator.validate(rss)).toBe(true);
    const feed = parser.parse(atom).feed;
    expect(feed.title).toBe("Test & archive");
    expect(feed.entry).toHaveLength(50);
    expect(feed.entry[0].id).toBe("https://example.org/a/2018/05/01/story-0/");
    expect(feed.entry[0].updated).toBeTruthy();
    const channel = parser.parse(rss).rss.channel;
    expect(channel.item).toHaveLength(50);
    expect(channel.item[0].link).toBe("https://example.org/a/2018/05/01/story-0/");
  });

  it("writes JSON Feed 1.1", () => {
    const json = JSON.parse(byPath.get("feed.json") ?? "{}");
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items).toHaveLength(50);
    expect(json.items[0]).toMatchObject({
      id: "https://example.org/a/2018/05/01/story-0/",
      authors: [{ name: "Jane Doe" }],
    });
  });
});

describe("sitemap", () => {
  it("lists every page with absolute URLs and points robots.txt at it", () => {
    const files = renderSitemaps(
      ["index.html", "a/index.html", "b/c.html"],
      "https://example.org/",
    );
    const sitemap = String(files.find((f) => f.path === "sitemap.xml")?.contents);
    expect(XMLValidator.validate(sitemap)).toBe(true);
    expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      "https://example.org/",
      "https://example.org/a/",
      "https://example.org/b/c.html",
    ]);
    expect(String(files.find((f) => f.path === "robots.txt")?.contents)).toContain(
      "Sitemap: https://example.org/sitemap.xml",
    );
  });

  it("splits into a sitemap index past the limit", () => {
    const paths = Array.from({ length: 7 }, (_, i) => `p${i}/index.html`);
    const files = renderSitemaps(paths, "https://example.org/", 3);
    expect(files.map((f) => f.path)).toEqual([
      "sitemap.xml",
      "sitemap-1.xml",
      "sitemap-2.xml",
      "sitemap-3.xml",
      "robots.txt",
    ]);
    const index = String(files[0]?.contents);
    expect(index).toContain("<sitemapindex");
    expect(index.match(/<sitemap>/g)).toHaveLength(3);
    expect(String(files[3]?.contents).match(/<url>/g)).toHaveLength(1);
  });
});

describe("JSON-LD", () => {
  it("cannot close its script element or carry call-like text", () => {
    const out = jsonForScript({ a: "</script><script>alert(1)</script><!--" });
    expect(out).not.toMatch(/<|>|\(/);
    expect(JSON.parse(out)).toEqual({ a: "</script><script>alert(1)</script><!--" });
  });
});
