import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffExcerpt } from "../../src/parse/excerpt.js";
import { repairC1Controls, stripControls } from "../../src/parse/repair-controls.js";
import { decodeEntities } from "../../src/parse/repair-entities.js";
import { type RepairField, repairText } from "../../src/parse/repair-text.js";
import { CORRECT_WORDS } from "./helpers.js";

describe("decodeEntities", () => {
  it("decodes entities left in real titles (00058)", () => {
    expect(decodeEntities("Shows Off Her Body: &quot;Love It All&quot;")).toBe(
      'Shows Off Her Body: "Love It All"',
    );
    expect(decodeEntities("Fans Can&#39;t Look Away")).toBe("Fans Can't Look Away");
  });

  it("decodes double- and deeply-escaped entities (01090, 02939)", () => {
    expect(decodeEntities("Caitlyn’s &amp;quot;Scapegoat&amp;quot;")).toBe('Caitlyn’s "Scapegoat"');
    expect(decodeEntities("&amp;amp;amp;amp;nbsp;x")).toBe("\u00a0x");
  });

  it("needs the semicolon, so ampersands in prose and URLs stay", () => {
    for (const text of ["AT&T", "R&D", "Tom & Jerry", "?a=1&para=2&copy=3", "&unknown;"]) {
      expect(decodeEntities(text)).toBe(text);
    }
  });

  it("stops after a bounded number of passes", () => {
    const deep = `&${"amp;".repeat(20)}lt;`;
    expect(decodeEntities(deep)).toBe(`&${"amp;".repeat(12)}lt;`);
  });
});

describe("control characters", () => {
  it("maps C1 controls from cp1252-read-as-Latin-1 to their characters (00020)", () => {
    expect(repairC1Controls("March 27, 2011 \u0097 -- AMANPOUR")).toBe(
      "March 27, 2011 — -- AMANPOUR",
    );
    expect(repairC1Controls("a\u0081b\u009dc")).toBe("abc");
  });

  it("strips C0 controls and DEL but keeps tabs and line ends", () => {
    expect(stripControls("Ú\u007fÇ\u0001a\tb\nc")).toBe("ÚÇa\tb\nc");
  });
});

describe("diffExcerpt", () => {
  it("keeps a little context around the edit", () => {
    const before =
      "Our country has a long way to go to give them of the support they needâ€”and deserve.";
    const after =
      "Our country has a long way to go to give them of the support they need—and deserve.";
    expect(diffExcerpt(before, after)).toEqual({
      before: "…they needâ€”and deserve.",
      after: "…they need—and deserve.",
    });
  });

  it("stays short for long edits", () => {
    const { before } = diffExcerpt("x".repeat(1000), "y".repeat(1000));
    expect(before.length).toBeLessThanOrEqual(82);
  });
});

describe("repairText", () => {
  it("records one change per rule with excerpts", () => {
    const result = repairText("they needâ€”and &amp;quot;deserve&amp;quot;", "body");
    expect(result.text).toBe('they need—and "deserve"');
    expect(result.changes.map((c) => c.rule)).toEqual(["repair/mojibake", "repair/entities"]);
    expect(result.changes[0]).toMatchObject({ field: "body", before: "they needâ€”and…" });
  });

  it("removes stray BOMs inside a body (00635)", () => {
    const result = repairText("—Lisa Ryan\n\n\ufeffMiranda’s breakup overalls.", "body");
    expect(result.text).toBe("—Lisa Ryan\n\nMiranda’s breakup overalls.");
    expect(result.changes[0]?.rule).toBe("repair/bom");
  });

  it("turns NBSP into spaces and drops zero-width spaces in one-line fields only", () => {
    expect(repairText("Madina\u00a0Touré\u200b ", "authors").text).toBe("Madina Touré");
    expect(repairText("a\u00a0b", "body").text).toBe("a\u00a0b");
  });

  it("keeps entities in Markdown, where they are markup", () => {
    expect(repairText("Tom &amp; Jerry", "markdown").text).toBe("Tom &amp; Jerry");
  });

  it("leaves correct text byte-identical in every field", () => {
    const correct = fc
      .array(fc.constantFrom(...CORRECT_WORDS), { maxLength: 10 })
      .map((w) => w.join(" "));
    fc.assert(
      fc.property(
        correct,
        fc.constantFrom<RepairField>("body", "title", "markdown"),
        (text, field) => {
          const result = repairText(text, field);
          expect(result.text).toBe(
            field === "title" ? text.trim().replaceAll("\u00a0", " ") : text,
          );
          if (field === "body") expect(result.changes).toEqual([]);
        },
      ),
    );
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(typeof repairText(text, "body").text).toBe("string");
        expect(typeof repairText(text, "url").text).toBe("string");
      }),
    );
  });
});
