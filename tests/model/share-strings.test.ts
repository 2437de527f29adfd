import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/model/archive.js";
import { createStringSharer } from "../../src/model/share-strings.js";

const text = fc.string({ maxLength: 12 });
const date = fc.record({
  year: fc.integer({ min: 1990, max: 2030 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  precision: fc.constantFrom("date" as const, "datetime" as const),
  iso: text,
  epochMs: fc.integer(),
});
const record: fc.Arbitrary<ArticleRecord> = fc.record({
  file: fc.constantFrom("a.txt", "b/c.txt"),
  url: fc.constantFrom("https://x.test/1", "https://y.test/2"),
  link: fc.option(fc.constantFrom("https://x.test/1", "https://y.test/2")),
  urlKey: fc.option(text),
  domain: fc.option(fc.constantFrom("x.test", "y.test")),
  section: fc.option(fc.constantFrom("world", "us")),
  authors: fc.array(fc.constantFrom("Ann Lee", "Bo Li", "Ann Lee"), { maxLength: 3 }),
  published: fc.option(date),
  title: text,
  slug: text,
  wordCount: fc.nat(),
  readingMinutes: fc.nat(),
  contentHash: text,
  summary: text,
  suspect: fc.option(text),
  repairedEncoding: fc.boolean(),
});

describe("createStringSharer", () => {
  it("returns records equal to the ones it was given, whatever they repeat", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        const share = createStringSharer();
        for (const r of records) {
          const before = structuredClone(r);
          expect(share.record(r, r.file)).toEqual(before);
        }
      }),
    );
  });

  it("keeps a record's own file path when the display path differs", () => {
    const share = createStringSharer();
    const r: ArticleRecord = {
      file: "a.txt",
      url: "u",
      link: null,
      urlKey: null,
      domain: null,
      section: null,
      authors: [],
      published: null,
      title: "t",
      slug: "t",
      wordCount: 0,
      readingMinutes: 1,
      contentHash: "h",
      summary: "",
      suspect: null,
      repairedEncoding: false,
    };
    expect(share.record(r, "other.txt").file).toBe("a.txt");
  });
});
