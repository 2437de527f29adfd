import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import type { BuildResult } from "../../src/core/types.js";
import { cleanup, listFiles, ROOT, readSite, tempDir, testOptions } from "../helpers.js";
import { brokenLinks, injectedMarkup } from "../html-check.js";

const FIXTURE = path.join(ROOT, "tests/sites/basic/seeds");
const GOLDEN = path.join(ROOT, "tests/sites/basic/golden");

describe("building the basic fixture", () => {
  let dir: string;
  let out: string;
  let result: BuildResult;
  beforeAll(async () => {
    dir = await tempDir();
    out = path.join(dir, "site");
    result = await build(testOptions([FIXTURE], out, { baseUrl: "https://example.org/archive/" }));
  });
  afterAll(() => cleanup(dir));

  it("turns every input file into a page or a diagnostic", () => {
    const files = [
      "a-harbour",
      "b-council",
      "c-hostile",
      "d-undated",
      "e-notitle",
      "g-markdown",
      "j-crlf",
    ];
    expect(result.articles).toBe(files.length);
    const diagnosed = new Set(result.diagnostics.map((d) => path.basename(d.file)));
    for (const name of ["f-duplicate.txt", "h-notarticle.txt", "i-empty.txt"])
      expect(diagnosed).toContain(name);
  });

  it("matches the golden pages", async () => {
    const files = await listFiles(out);
    await expect(`${files.join("\n")}\n`).toMatchFileSnapshot(path.join(GOLDEN, "files.txt"));
    for (const page of [
      "index.html",
      "2019/03/14/harbour-reopens-after-storm-repairs/index.html",
      "2019/03/15/council-votes-on-the-harbour-budget/index.html",
      "authors/jane-doe/index.html",
      "sources/index.html",
      "2019/03/index.html",
      "undated/index.html",
      "report/index.html",
    ]) {
      await expect(await readSite(out, page)).toMatchFileSnapshot(path.join(GOLDEN, page));
    }
  });

  it("uses only relative links, every one resolving to a built file", async () => {
    expect(await brokenLinks(out)).toEqual([]);
  });

  it("has no injected markup on any page", async () => {
    for (const file of (await listFiles(out)).filter((f) => f.endsWith(".html"))) {
      expect([file, injectedMarkup(await readSite(out, file))]).toEqual([file, []]);
    }
  });

  it("lets no field of a hostile article inject markup or script", async () => {
    const html = await readSite(
      out,
      "undated/img-src-x-onerror-alert-1-headline-with-markup/index.html",
    );
    expect(injectedMarkup(html)).toEqual([]);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;Headline with markup");
    const md = await readSite(out, "2019/03/16/notes-from-the-archive-desk/index.html");
    expect(md).toContain("<li>Item one</li>");
    expect(injectedMarkup(md)).toEqual([]);
  });

  it("repairs mojibake and entities while keeping correct text byte-identical", async () => {
    const html = await readSite(out, "2019/03/15/council-votes-on-the-harbour-budget/index.html");
    expect(html).toContain("“We are ready,” said the chair — twice.");
    expect(html).toContain("🇷🇺 and 🇰🇵");
    expect(html).toContain("Café owners, a naïve plan, Ελληνικά, Русский, 中文 and 日本語");
    const crlf = await readSite(
      out,
      "2019/03/12/ferry-timetable-changes-and-what-they-mean/index.html",
    );
    expect(crlf).toContain("Ferry timetable changes &amp; what they mean");
    expect(crlf).toContain("Tickets cost £3.");
  });

  it("merges author spellings onto one page and links every dimension from the article", async () => {
    const html = await readSite(out, "2019/03/15/council-votes-on-the-harbour-budget/index.html");
    expect(html).toContain('href="../../../../authors/jane-doe/index.html"');
    expect(html).toContain('href="../../../../sources/example-news.com/index.html"');
    expect(html).toContain('href="../../../../sources/example-news.com/politics/index.html"');
    expect(html).toContain('href="../../../../2019/03/15/index.html"');
    expect(html).toContain('<time datetime="2019-03-15T16:46:36-04:00">');
    const author = await readSite(out, "authors/jane-doe/index.html");
    expect(author.match(/class="entry"/g)).toHaveLength(3);
  });

  it("writes feeds, sitemap, robots and data exports", async () => {
    const files = await listFiles(out);
    for (const f of [
      "feed.xml",
      "rss.xml",
      "feed.json",
      "sitemap.xml",
      "robots.txt",
      "articles.csv",
      "articles.ndjson",
      "404.html",
      "search/index.html",
    ]) {
      expect(files).toContain(f);
    }
    const rows = (await readSite(out, "articles.ndjson"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r.file.endsWith("e-notitle.txt")).diagnostics[0].rule).toBe(
      "parse/missing-title",
    );
    const csv = (await readSite(out, "articles.csv")).trim().split("\n");
    expect(csv[0]).toBe(
      "path,file,source_url,title,authors,date,date_precision,source,section,word_count,content_hash,also_published_at,diagnostics",
    );
    expect(csv).toHaveLength(8);
  });

  it("is byte-identical when built twice from scratch", async () => {
    const second = path.join(dir, "again");
    await build(testOptions([FIXTURE], second, { baseUrl: "https://example.org/archive/" }));
    const a = await listFiles(out);
    expect(await listFiles(second)).toEqual(a);
    for (const f of a)
      expect(await readFile(path.join(second, f))).toEqual(await readFile(path.join(out, f)));
  });
});

describe("one-article archive", () => {
  it("builds the shipped seed into a finished site", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "site");
    const result = await build(testOptions([path.join(ROOT, "seeds")], out));
    expect(result.articles).toBe(1);
    const home = await readSite(out, "index.html");
    expect(home).toContain("Russian foreign minister meets Kim Jong Un");
    expect(home).toContain("<svg");
    expect(await brokenLinks(out)).toEqual([]);
    await cleanup(dir);
  });
});

describe("incremental builds", () => {
  it("equal a clean build after an edit, an addition and a deletion", async () => {
    const dir = await tempDir();
    const input = path.join(dir, "in");
    await cp(FIXTURE, input, { recursive: true });
    const out = path.join(dir, "site");
    await build(testOptions([input], out));
    const harbour = path.join(input, "a-harbour.txt");
    await writeFile(
      harbour,
      (await readFile(harbour, "utf8")).replace("three months", "four months"),
    );
    await cp(path.join(input, "d-undated.txt"), path.join(input, "k-new.txt"));
    await writeFile(
      path.join(input, "k-new.txt"),
      (await readFile(path.join(input, "k-new.txt"), "utf8"))
        .replace("quiet-village-life", "busy-town")
        .replace("A quiet week", "A busy week"),
    );
    await cp(path.join(input, "b-council.txt"), path.join(dir, "b.keep"));
    await import("node:fs/promises").then((fs) => fs.rm(path.join(input, "b-council.txt")));
    const result = await build(testOptions([input], out));
    expect(result.written).toBeGreaterThan(0);
    const clean = path.join(dir, "clean");
    await build(testOptions([input], clean));
    const files = await listFiles(clean);
    expect(await listFiles(out)).toEqual(files);
    for (const f of files) expect(await readSite(out, f)).toBe(await readSite(clean, f));
    await cleanup(dir);
  });
});
