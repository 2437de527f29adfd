import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/parse/parse-source.js";
import { parsed, rules, seedText, sourceFile } from "./helpers.js";

const SEED = new URL("../../seeds/000_b5b547b9f015d507.txt", import.meta.url);
describe("parseSource on the seed", () => {
  const bytes = new Uint8Array(readFileSync(SEED));
  const { article, diagnostics } = parsed({ path: "seeds/000_b5b547b9f015d507.txt", bytes });

  it("fills every field", () => {
    expect(diagnostics).toEqual([]);
    expect(article).toMatchObject({
      file: "seeds/000_b5b547b9f015d507.txt",
      bodyLine: 6,
      url: "https://www.cnn.com/2018/05/31/asia/sergey-lavrov-north-korea-intl/index.html",
      domain: "cnn.com",
      section: "asia",
      authors: ["Steve George"],
      published: { year: 2018, month: 5, day: 31, precision: "date", iso: "2018-05-31" },
      title: "Russian foreign minister meets Kim Jong Un, calls for lifting of sanctions",
      titleDerived: false,
      publisher: null,
      suspect: null,
      contentHash: createHash("sha256").update(bytes).digest("hex"),
    });
    expect(article.wordCount).toBeGreaterThan(400);
    expect(article.readingMinutes).toBe(Math.max(1, Math.round(article.wordCount / 230)));
  });

  it("repairs the flag-emoji mojibake and records it", () => {
    const body = article.body.kind === "text" ? article.body.paragraphs : [];
    expect(body[0]).toMatch(/^\(CNN\) Russia's Foreign Minister/);
    expect(body).toContain(
      "🇷🇺🇰🇵Sergey #Lavrov was greeted by the Chairman of the State Affairs Commission of DPRK Kim Jong-un during his visit to Pyongyang pic.twitter.com/kjixCrCZ4t",
    );
    expect(body.join("\n")).not.toMatch(/ðŸ|â€|Ã[\u00a0-\u00bf]/);
    expect(article.changes).toEqual([
      expect.objectContaining({
        rule: "repair/mojibake",
        field: "body",
        after: expect.stringContaining("🇷🇺"),
      }),
    ]);
  });
});

describe("parseSource on the scraper layout", () => {
  it("reads real quirks: offset dates, mixed quotes, entities in titles", () => {
    const { article } = parsed(
      sourceFile(
        seedText({
          authors: `["Jim'S Staff", 'Senator Jim Demint']`,
          date: "2018-05-10 16:46:36-04:00",
          title: "Shows Off Her Body: &quot;Love It All&quot;",
        }),
      ),
    );
    expect(article.authors).toEqual(["Jim'S Staff", "Senator Jim Demint"]);
    expect(article.published?.iso).toBe("2018-05-10T16:46:36-04:00");
    expect(article.title).toBe('Shows Off Her Body: "Love It All"');
    expect(article.changes).toEqual([
      {
        rule: "repair/entities",
        field: "title",
        before: expect.any(String),
        after: expect.any(String),
      },
    ]);
  });

  it("accepts CRLF line ends, a BOM and `None` for the date", () => {
    const text = `\ufeff${seedText({ date: "None", body: "One\nline two\n\nThree" })}`.replace(
      /\n/g,
      "\r\n",
    );
    const { article, diagnostics } = parsed(sourceFile(text));
    expect(diagnostics).toEqual([]);
    expect(article.published).toBeNull();
    expect(article.body).toEqual({ kind: "text", paragraphs: ["One\nline two", "Three"] });
  });

  it("reads Windows-1252 files and says so", () => {
    const text = seedText({ title: "Café — “ok”" });
    const bytes = Uint8Array.from(
      [...text].map((ch) => ({ é: 0xe9, "—": 0x97, "“": 0x93, "”": 0x94 })[ch] ?? ch.charCodeAt(0)),
    );
    const { article, diagnostics } = parsed({ path: "a.txt", bytes });
    expect(article.title).toBe("Café — “ok”");
    expect(rules(diagnostics)).toEqual(["warning repair/encoding @0"]);
    expect(article.changes[0]).toMatchObject({
      rule: "repair/encoding",
      before: expect.stringContaining("e9"),
    });
  });

  it("keeps going past bad authors and dates, warning on their lines", () => {
    const { article, diagnostics } = parsed(
      sourceFile(seedText({ authors: "Steve George", date: "0001-11-30 00:00:00+00:00" })),
    );
    expect(article.authors).toEqual([]);
    expect(article.published).toBeNull();
    expect(rules(diagnostics)).toEqual([
      "warning parse/bad-authors @2",
      "warning parse/bad-date @3",
    ]);
    expect(diagnostics[0]?.message).toContain("`Steve George`");
  });

  it("derives a missing title from the URL, else from the file name (00160)", () => {
    const fromUrl = parsed(sourceFile(seedText({ title: "" })));
    expect(fromUrl.article).toMatchObject({
      title: "Sergey lavrov north korea intl",
      titleDerived: true,
    });
    expect(rules(fromUrl.diagnostics)).toEqual(["warning parse/missing-title @4"]);
    const fromName = parsed(
      sourceFile(
        seedText({ url: "http://cnn.it/2cTtbDk", title: " " }),
        "in/00160_moon-landing.txt",
      ),
    );
    expect(fromName.article.title).toBe("00160 moon landing");
  });

  it("keeps an article whose body is empty, with a warning (00015)", () => {
    const text = seedText({ body: "" });
    const { article, diagnostics } = parsed(sourceFile(text));
    expect(article.body).toEqual({ kind: "text", paragraphs: [] });
    expect(article.wordCount).toBe(0);
    expect(article.readingMinutes).toBe(1);
    expect(rules(diagnostics)).toEqual(["warning parse/empty-body @6"]);
    expect(
      rules(parseSource(sourceFile(text.slice(0, text.lastIndexOf("\n") - 2))).diagnostics),
    ).toEqual(["warning parse/empty-body @6"]);
  });

  it("points bodyLine at the first paragraph when the body starts with blank lines (00287)", () => {
    const { article } = parsed(
      sourceFile(seedText({ body: "\n\n\n\u00a0\nWhile her wedding was a fairy tale" })),
    );
    expect(article.bodyLine).toBe(10);
  });

  it("warns when line 5 is not blank and takes the body from there", () => {
    const text = seedText({}).replace("\n \n", "\nBody starts early\n");
    const { article, diagnostics } = parsed(sourceFile(text));
    expect(rules(diagnostics)).toEqual(["warning parse/missing-separator @5"]);
    expect(article.body.kind === "text" && article.body.paragraphs[0]).toMatch(
      /^Body starts early\n/,
    );
  });

  it("warns about a URL that cannot be linked to", () => {
    const { article, diagnostics } = parsed(
      sourceFile(seedText({ url: "www.cnn.com/politics/kim-meets-lavrov" })),
    );
    expect(article).toMatchObject({ link: null, domain: "cnn.com", section: "politics" });
    expect(rules(diagnostics)).toEqual(["warning parse/bad-url @1"]);
  });
});

describe("files that are not articles", () => {
  it.each([
    ["binary data", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 0],
    ["an empty file", new Uint8Array(0), 0],
    [
      "a first line that is no URL",
      new TextEncoder().encode("Dear diary,\n\ntoday I wrote\nmore"),
      1,
    ],
    ["too few lines", new TextEncoder().encode("http://a.com/x\n['A']"), 2],
  ])("rejects %s, naming the line", (_, bytes, line) => {
    const result = parseSource({ path: "notes/x.txt", bytes });
    expect(result.article).toBeNull();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: "notes/x.txt",
        line,
        severity: "error",
        rule: "parse/not-an-article",
      }),
    ]);
  });
});

describe("parseSource properties", () => {
  it("never throws on arbitrary bytes, and every diagnostic names the file", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom("a.txt", "a.md"),
        (bytes, path) => {
          const result = parseSource({ path, bytes });
          for (const d of result.diagnostics) expect(d.file).toBe(path);
          expect(
            result.article !== null || result.diagnostics.some((d) => d.severity === "error"),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary text in any line of the layout", () => {
    const line = fc.string({ unit: "binary", maxLength: 40 });
    fc.assert(
      fc.property(
        line,
        line,
        line,
        line,
        fc.string({ unit: "binary" }),
        (url, authors, date, title, body) => {
          const text = seedText({ url: `http://a.com/${url}`, authors, date, title, body });
          parseSource(sourceFile(text));
          parseSource(sourceFile(`---\n${title}: ${authors}\n---\n${body}`, "x.md"));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads back what a well-formed file holds", () => {
    const word = fc.stringMatching(/^[A-Za-zà-ÿ][A-Za-zà-ÿ-]{0,11}$/);
    const words = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 3 }),
        words,
        fc.array(words, { minLength: 1, maxLength: 5 }),
        (authors, title, paragraphs) => {
          const repr = `[${authors.map((a) => `'${a}'`).join(", ")}]`;
          const text = seedText({ authors: repr, title, body: paragraphs.join("\n\n") });
          const { article, diagnostics } = parsed(sourceFile(text));
          expect(diagnostics).toEqual([]);
          expect(article.authors).toEqual(authors);
          expect(article.title).toBe(title);
          expect(article.body).toEqual({ kind: "text", paragraphs });
        },
      ),
    );
  });
});
