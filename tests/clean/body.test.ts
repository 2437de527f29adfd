import { describe, expect, it } from "vitest";
import { cleanParagraphs, replacementCharacterFlag } from "../../src/clean/body.js";
import { hash53 } from "../../src/clean/hash.js";
import { normaliseLine } from "../../src/clean/text.js";

const ctx = { titles: ["Airstrikes Bury Syrians in Aleppo"], boilerplate: new Set<number>() };

describe("cleanParagraphs", () => {
  it("drops built-in boilerplate lines and records them", () => {
    const result = cleanParagraphs(
      [
        "First real paragraph.",
        "Advertisement",
        "Read More",
        "RELATED VIDEO: America Ferrera’s Baby Bump Gets Some Love",
        "Last one.",
      ],
      ctx,
    );
    expect(result.paragraphs).toEqual(["First real paragraph.", "Last one."]);
    expect(result.changes.map((c) => c.before)).toEqual([
      "Advertisement",
      "Read More",
      "RELATED VIDEO: America Ferrera’s Baby Bump Gets Some Love",
    ]);
  });

  it("keeps a long line that merely starts like a link", () => {
    const line = `Watch: ${"the senator spoke for an hour about the bill and its history ".repeat(4)}`;
    expect(cleanParagraphs([line], ctx).paragraphs).toEqual([line]);
  });

  it("drops lines the profile learned as the source's boilerplate", () => {
    const line = "Get the best of Motherly—delivered to your inbox.";
    const learned = { ...ctx, boilerplate: new Set([hash53(normaliseLine(line))]) };
    const result = cleanParagraphs(["Story text.", line], learned);
    expect(result.paragraphs).toEqual(["Story text."]);
    expect(result.changes[0]?.rule).toBe("clean/boilerplate-repeated");
  });

  it("drops a first line that repeats the title, but not a later one", () => {
    const result = cleanParagraphs(
      ["Airstrikes bury Syrians in Aleppo", "Text.", "Airstrikes Bury Syrians in Aleppo"],
      ctx,
    );
    expect(result.paragraphs).toEqual(["Text.", "Airstrikes Bury Syrians in Aleppo"]);
    expect(result.changes[0]?.rule).toBe("clean/title-repeated");
  });

  it("removes zero-width characters, soft hyphens, BOMs and control bytes, with a tally", () => {
    const result = cleanParagraphs(
      ["Jason #thebachelorette\u2060 \u2060 — pre\u00adsident\ufeff\u0007 said"],
      ctx,
    );
    expect(result.paragraphs).toEqual(["Jason #thebachelorette  — president said"]);
    expect(result.changes[0]?.rule).toBe("clean/invisible-characters");
    expect(result.changes[0]?.before).toContain("2 × U+2060 word joiner");
  });

  it("keeps zero-width joiners that build an emoji", () => {
    const family = "Our family 👨\u200d👩\u200d👧 grew";
    expect(cleanParagraphs([family], ctx).paragraphs).toEqual([family]);
  });

  it("collapses blank lines left inside paragraphs", () => {
    expect(cleanParagraphs(["One\n \u200b\nTwo", "\u200b"], ctx).paragraphs).toEqual([
      "One",
      "Two",
    ]);
  });

  it("closes stray spaces in quotes and records an excerpt of the edit", () => {
    const result = cleanParagraphs(['the " maximum pressure campaign " against Iran'], ctx);
    expect(result.paragraphs).toEqual(['the "maximum pressure campaign" against Iran']);
    expect(result.changes).toEqual([
      {
        rule: "clean/quote-spaces",
        field: "body",
        before: 'the " maximum pressure campaign " against Iran',
        after: 'the "maximum pressure campaign" against Iran',
      },
    ]);
  });
});

describe("replacementCharacterFlag", () => {
  it("flags U+FFFD without changing text", () => {
    expect(replacementCharacterFlag(["Mermaid-Themed \ufffdBed\ufffd Video"])?.before).toBe(
      "2 × U+FFFD",
    );
    expect(replacementCharacterFlag(["clean"])).toBeNull();
  });
});
