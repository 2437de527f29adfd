import { describe, expect, it } from "vitest";
import type { PublishedDate } from "../../src/core/types.js";
import { type ArticleRecord, buildArchive } from "../../src/model/archive.js";
import { paginate } from "../../src/model/paginate.js";
import { assignPermalinks, permalinkFolder, wantedSlug } from "../../src/model/permalinks.js";
import { toSlug } from "../../src/model/slug.js";

function day(y: number, m: number, d: number, iso?: string): PublishedDate {
  const text = iso ?? `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return {
    year: y,
    month: m,
    day: d,
    precision: iso ? "datetime" : "date",
    iso: text,
    epochMs: Date.parse(iso ?? `${text}T00:00:00Z`),
  };
}

function record(file: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  const fields = {
    file,
    url: `https://example.com/${file}`,
    link: `https://example.com/${file}`,
    urlKey: `example.com/${file}`,
    domain: "example.com",
    section: null,
    authors: [],
    published: null,
    title: `Title ${file}`,
    wordCount: 10,
    readingMinutes: 1,
    contentHash: file,
    summary: "",
    suspect: null,
    repairedEncoding: false,
    ...overrides,
  };
  return { ...fields, slug: overrides.slug ?? wantedSlug(fields.title, fields.url) };
}

const none = { includeSuspect: false, nearDuplicates: [] };

describe("slugs and permalinks", () => {
  it("ASCII-folds titles", () => {
    expect(toSlug("Müller’s café: “naïve” plan")).toBe("muellers-cafe-naive-plan");
    expect(toSlug("中文")).toBe("");
  });

  it("files an article under its own calendar day, not UTC's", () => {
    expect(permalinkFolder(day(2018, 5, 31, "2018-05-31T23:30:00-04:00"))).toBe("2018/05/31");
    expect(permalinkFolder(null)).toBe("undated");
  });

  it("numbers colliding slugs by file path, and falls back to the URL", () => {
    const articles = [
      { title: "Same", url: "u", file: "b.txt", published: day(2018, 1, 2) },
      { title: "Same", url: "u", file: "a.txt", published: day(2018, 1, 2) },
      {
        title: "中文",
        url: "https://x.cn/news/beijing-report.html",
        file: "c.txt",
        published: null,
      },
      { title: "Page", url: "u", file: "d.txt", published: null },
    ];
    const paths = assignPermalinks(
      articles.map((a) => ({ ...a, slug: wantedSlug(a.title, a.url) })),
    );
    expect(paths).toEqual([
      "2018/01/02/same-2/index.html",
      "2018/01/02/same/index.html",
      "undated/beijing-report/index.html",
      "undated/page-2/index.html",
    ]);
  });
});

describe("buildArchive", () => {
  it("orders newest first with undated last", () => {
    const { archive } = buildArchive(
      [
        record("old.txt", { published: day(2017, 1, 1) }),
        record("undated.txt"),
        record("new.txt", { published: day(2019, 1, 1) }),
      ],
      none,
    );
    expect(archive.entries.map((e) => e.file)).toEqual(["new.txt", "old.txt", "undated.txt"]);
    expect(archive.undated).toEqual([2]);
    expect(archive.years.map((y) => y.value)).toEqual([2019, 2017]);
  });

  it("breaks ties of date by title, then by file, dated or not", () => {
    const same = day(2019, 1, 1);
    const { archive } = buildArchive(
      [
        record("z.txt", { published: same, title: "Beta" }),
        record("u2.txt", { title: "Alpha" }),
        record("y.txt", { published: same, title: "Alpha" }),
        record("x.txt", { published: same, title: "Beta" }),
        record("u1.txt", { title: "Alpha" }),
      ],
      none,
    );
    expect(archive.entries.map((e) => e.file)).toEqual([
      "y.txt",
      "x.txt",
      "z.txt",
      "u1.txt",
      "u2.txt",
    ]);
  });

  it("keeps one article per normalised URL and warns naming both files", () => {
    const { archive, diagnostics } = buildArchive(
      [record("b.txt", { urlKey: "same" }), record("a.txt", { urlKey: "same" })],
      none,
    );
    expect(archive.entries.map((e) => e.file)).toEqual(["a.txt"]);
    expect(archive.entries[0]?.mergedFiles).toEqual(["b.txt"]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: "b.txt",
        line: 1,
        rule: "model/duplicate-url",
        message: expect.stringContaining("a.txt"),
      }),
    ]);
  });

  it("merges near-duplicate bodies into the newest, listing the others' URLs", () => {
    const { archive } = buildArchive(
      [
        record("a.txt", { published: day(2018, 1, 1), url: "https://a.com/x" }),
        record("b.txt", { published: day(2018, 2, 1), url: "https://b.com/y" }),
      ],
      { includeSuspect: false, nearDuplicates: [[0, 1]] },
    );
    expect(archive.entries).toHaveLength(1);
    expect(archive.entries[0]?.file).toBe("b.txt");
    expect(archive.entries[0]?.alsoAt).toEqual(["https://a.com/x"]);
    expect(archive.omitted).toEqual([
      expect.objectContaining({ file: "a.txt", reason: "same text as another article" }),
    ]);
  });

  it("holds back suspect articles unless asked to publish them", () => {
    const records = [record("a.txt"), record("wall.txt", { suspect: "cookie wall" })];
    expect(buildArchive(records, none).archive.entries.map((e) => e.file)).toEqual(["a.txt"]);
    expect(buildArchive(records, none).archive.omitted[0]).toMatchObject({
      file: "wall.txt",
      reason: "cookie wall",
    });
    expect(buildArchive(records, { ...none, includeSuspect: true }).archive.entries).toHaveLength(
      2,
    );
  });

  it("groups by author, source, section and date with counts", () => {
    const { archive } = buildArchive(
      [
        record("a.txt", { authors: ["Jane Doe"], section: "asia", published: day(2018, 5, 31) }),
        record("b.txt", { authors: ["By JANE DOE"], published: day(2018, 5, 30), domain: "b.org" }),
      ],
      none,
    );
    expect(archive.authors).toEqual([{ name: "Jane Doe", slug: "jane-doe", ids: [0, 1] }]);
    expect(archive.sources.map((s) => [s.domain, s.ids, s.sections.map((x) => x.name)])).toEqual([
      ["b.org", [1], []],
      ["example.com", [0], ["asia"]],
    ]);
    const may = archive.years[0]?.children[0];
    expect(may?.value).toBe(5);
    expect(may?.children.map((d) => [d.value, d.ids])).toEqual([
      [31, [0]],
      [30, [1]],
    ]);
  });

  it("paginates with page N at <listing>/page/N/", () => {
    const pages = paginate("authors/jane", 120, 50);
    expect(pages.map((p) => [p.path, p.start, p.end])).toEqual([
      ["authors/jane/index.html", 0, 50],
      ["authors/jane/page/2/index.html", 50, 100],
      ["authors/jane/page/3/index.html", 100, 120],
    ]);
    expect(paginate("", 0, 50).map((p) => p.path)).toEqual(["index.html"]);
  });
});
