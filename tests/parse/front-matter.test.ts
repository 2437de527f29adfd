import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/parse/parse-source.js";
import { parsed, rules, sourceFile } from "./helpers.js";

describe("parseSource on Markdown", () => {
  const md = [
    "---",
    "title: Kim meets Lavrov",
    "url: https://www.cnn.com/2018/05/31/asia/lavrov-kim/index.html",
    "authors: Steve George",
    "date: 2018-05-31 23:30:00 -04:00",
    "---",
    "# Heading",
    "",
    "Tom &amp; Jerry, *emphasis* and cafÃ©.",
  ].join("\n");

  it("reads front matter fields and keeps the Markdown body", () => {
    const { article, diagnostics } = parsed(sourceFile(md, "posts/kim.md"));
    expect(diagnostics).toEqual([]);
    expect(article).toMatchObject({
      title: "Kim meets Lavrov",
      link: "https://www.cnn.com/2018/05/31/asia/lavrov-kim/index.html",
      section: "asia",
      authors: ["Steve George"],
      published: { day: 31, iso: "2018-05-31T23:30:00-04:00" },
      bodyLine: 7,
      body: { kind: "markdown", markdown: "# Heading\n\nTom &amp; Jerry, *emphasis* and café." },
    });
    expect(article.wordCount).toBe(7);
  });

  it("accepts `link`/`source` and author lists", () => {
    const text =
      "---\nsource: https://example.com/a-story\nauthors: [Ann Lee, 'Conan O''Brien']\ndate: 2018-05-31\n---\nText";
    const { article } = parsed(sourceFile(text, "a.markdown"));
    expect(article).toMatchObject({
      url: "https://example.com/a-story",
      authors: ["Ann Lee", "Conan O'Brien"],
      published: { iso: "2018-05-31" },
    });
  });

  it("reports YAML errors on the file's own line", () => {
    const text = "---\ntitle: a\nurl: [x\nfoo: 1\n---\nbody";
    const result = parseSource(sourceFile(text, "bad.md"));
    expect(result.article).toBeNull();
    expect(rules(result.diagnostics)).toEqual(["error parse/front-matter @4"]);
    expect(
      rules(parseSource(sourceFile("---\ntitle: ok\n  bad: indent\n---\nb", "bad.md")).diagnostics),
    ).toEqual(["error parse/front-matter @3"]);
  });

  it("refuses JavaScript front matter instead of running it", () => {
    const result = parseSource(
      sourceFile("---js\n{ title: (globalThis.pwned = 1, 'x') }\n---\nbody", "evil.md"),
    );
    expect(result.article).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it("warns about missing url, title and bad dates, on their lines", () => {
    const result = parseSource(
      sourceFile("---\nauthor: Ann\ndate: someday\n---\nJust text.", "notes/my-first_post.md"),
    );
    expect(result.article).toMatchObject({
      title: "My first post",
      titleDerived: true,
      link: null,
      authors: ["Ann"],
    });
    expect(rules(result.diagnostics)).toEqual([
      "warning parse/bad-date @3",
      "warning parse/missing-url @1",
      "warning parse/missing-title @1",
    ]);
  });

  it("reads a Markdown file without front matter", () => {
    expect(parsed(sourceFile("Just *text*.", "plain.md")).article).toMatchObject({
      bodyLine: 1,
      wordCount: 2,
    });
  });
});
