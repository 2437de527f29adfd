import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanArticle } from "../../src/clean/clean-article.js";
import { createProfileBuilder, EMPTY_PROFILE } from "../../src/clean/profile.js";
import { letterContent } from "../../src/clean/text.js";
import type { Article } from "../../src/core/types.js";
import { makeArticle, prose } from "./make-article.js";

/** A small corpus of one source whose pages share a footer and a title suffix. */
function learnedProfile() {
  const builder = createProfileBuilder();
  for (let i = 0; i < 8; i++) {
    builder.add(
      makeArticle({
        domain: "sacbee.com",
        title: `Story number ${i} about the valley | The Sacramento Bee`,
        paragraphs: [
          prose(80, i),
          "Get the best of the Bee delivered to your inbox.",
          prose(40, i + 50),
        ],
      }),
    );
  }
  return builder.finish();
}

describe("cleanArticle", () => {
  const profile = learnedProfile();

  it("cleans authors, title and body, recording each edit after the parser's", () => {
    const repair = {
      rule: "repair/entities",
      field: "title" as const,
      before: "&amp;",
      after: "&",
    };
    const article = makeArticle({
      domain: "sacbee.com",
      authors: ["Jane Doe", "March", "Sacramento Bee Staff"],
      title: "Firefighters save goats | The Sacramento Bee",
      paragraphs: [
        "Firefighters save goats",
        prose(60),
        "Get the best of the Bee delivered to your inbox.",
      ],
      changes: [repair],
    });
    const cleaned = cleanArticle(article, profile);
    expect(cleaned.authors).toEqual(["Jane Doe"]);
    expect(cleaned.publisher).toBe("The Sacramento Bee");
    expect(cleaned.title).toBe("Firefighters save goats");
    expect(cleaned.body).toEqual({ kind: "text", paragraphs: [prose(60)] });
    expect(cleaned.wordCount).toBe(60);
    expect(cleaned.changes[0]).toEqual(repair);
    expect(cleaned.changes.map((c) => c.rule)).toEqual([
      "repair/entities",
      "clean/author-date",
      "clean/author-outlet",
      "clean/title-site-name",
      "clean/boilerplate-repeated",
      "clean/title-repeated",
    ]);
    expect(cleaned.suspect).toBeNull();
  });

  it("does not learn a site's boilerplate from one page copied under many URLs", () => {
    const builder = createProfileBuilder();
    const copy = makeArticle({
      domain: "pressparty.com",
      paragraphs: [prose(50), "A short line of the story."],
    });
    for (let i = 0; i < 10; i++) builder.add({ ...copy, url: `https://pressparty.com/${i}` });
    const cleaned = cleanArticle(copy, builder.finish());
    expect(cleaned.body).toEqual(copy.body);
  });

  it("holds back non-articles with a reason", () => {
    const wall = makeArticle({
      paragraphs: [
        "HuffPost is part of Verizon Media. Click 'I agree' to allow Verizon Media and our partners to use cookies.",
      ],
    });
    expect(cleanArticle(wall, EMPTY_PROFILE).suspect).toBe("cookie wall");
    expect(cleanArticle(makeArticle({ paragraphs: [] }), EMPTY_PROFILE).suspect).toBe("empty body");
    const robot = makeArticle({ title: "Robot Check", paragraphs: [prose(100)] });
    expect(cleanArticle(robot, EMPTY_PROFILE).suspect).toBe("generic title");
  });

  it("cleans only the authors and title of a Markdown body", () => {
    const markdown = 'Advertisement\n\nThe " stray " spaces stay as the author wrote them.';
    const article = makeArticle({
      authors: ["Min Read", "Jane Doe"],
      title: "Notes - Example",
      body: { kind: "markdown", markdown },
    });
    const cleaned = cleanArticle(article, EMPTY_PROFILE);
    expect(cleaned.body).toEqual({ kind: "markdown", markdown });
    expect(cleaned.authors).toEqual(["Jane Doe"]);
    expect(cleaned.title).toBe("Notes");
  });

  it("leaves a title derived from the URL alone", () => {
    const article = makeArticle({
      title: "Robot Check - Example",
      titleDerived: true,
      paragraphs: [prose(100)],
    });
    expect(cleanArticle(article, EMPTY_PROFILE).title).toBe("Robot Check - Example");
  });
});

const CHARS = [
  ..."abcXYZ 019.,;:!?-—",
  '"',
  "“",
  "”",
  "‘",
  "’",
  "\u200b",
  "\u00ad",
  "\ufeff",
  "\u2060",
  "\u0007",
  "\ufffd",
  "👍",
  "\n",
  " ",
];
const LINES = [
  "Advertisement",
  "Read More",
  "RELATED VIDEO: Something else entirely",
  "Get the best of the Bee delivered to your inbox.",
  "Story number 1 about the valley",
  'the " maximum pressure campaign " against Iran',
  "“ ‘White’ taught me what ‘black’ was not,” she said",
  'He said " this and left',
  "\u200b",
  "",
];
const line = fc.oneof(
  fc.constantFrom(...LINES),
  fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 60 }),
);
const AUTHORS = [
  "Jane Doe",
  "March",
  "Julie March",
  "Abc News",
  "Ronan Farro",
  "Ronan Farrow",
  "View All Posts",
  "Sacramento Bee Staff",
];
const article = fc
  .record({
    paragraphs: fc.array(
      fc.array(line, { minLength: 1, maxLength: 4 }).map((l) => l.join("\n")),
      { maxLength: 8 },
    ),
    authors: fc.array(fc.oneof(fc.constantFrom(...AUTHORS), fc.string({ maxLength: 20 })), {
      maxLength: 5,
    }),
    title: fc.oneof(
      fc.constantFrom("Story number 1 about the valley | The Sacramento Bee", "Robot Check"),
      line,
    ),
    domain: fc.constantFrom("sacbee.com", "example.com", null),
  })
  .map((r): Article => makeArticle(r));

describe("cleanArticle properties", () => {
  const profile = learnedProfile();

  it("is idempotent", () => {
    fc.assert(
      fc.property(article, (a) => {
        const once = cleanArticle(a, profile);
        expect(cleanArticle(once, profile)).toEqual(once);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps every word of the lines it keeps: kept lines are input lines, letters unchanged, in order", () => {
    fc.assert(
      fc.property(article, (a) => {
        if (a.body.kind !== "text") return;
        const cleaned = cleanArticle(a, profile);
        if (cleaned.body.kind !== "text") throw new Error("body kind changed");
        const input = a.body.paragraphs.flatMap((p) => p.split("\n")).map(letterContent);
        const output = cleaned.body.paragraphs.flatMap((p) => p.split("\n")).map(letterContent);
        let at = 0;
        for (const kept of output) {
          while (at < input.length && input[at] !== kept) at++;
          expect(at).toBeLessThan(input.length);
          at++;
        }
      }),
      { numRuns: 400 },
    );
  });
});
