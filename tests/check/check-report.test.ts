import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CorpusAnalysis,
  checkReportJson,
  toCheckReport,
} from "../../src/check/check-report.js";
import { checkReportText } from "../../src/check/check-text.js";
import type { Diagnostic } from "../../src/core/types.js";

const d = (
  file: string,
  line: number,
  severity: Diagnostic["severity"],
  rule: string,
  message = `problem of ${rule}`,
): Diagnostic => ({ file, line, severity, message, rule });

const analysis = (diagnostics: Diagnostic[]): CorpusAnalysis => ({
  files: 12,
  articles: 9,
  duplicates: 1,
  undated: 4,
  repairedEncodings: 2,
  heldBack: 1,
  diagnostics,
});

describe("toCheckReport", () => {
  it("counts errors and warnings per rule and fails on an error", () => {
    const report = toCheckReport(
      analysis([
        d("b.txt", 3, "warning", "clean/author-junk"),
        d("a.txt", 1, "error", "parse/missing-url"),
        d("a.txt", 3, "warning", "clean/author-junk"),
        d("c.txt", 0, "error", "parse/empty-file"),
      ]),
      false,
    );
    expect(report.ok).toBe(false);
    expect(report.summary.errors).toBe(2);
    expect(report.summary.warnings).toBe(2);
    expect(report.summary.byRule).toEqual({
      "clean/author-junk": { errors: 0, warnings: 2 },
      "parse/empty-file": { errors: 1, warnings: 0 },
      "parse/missing-url": { errors: 1, warnings: 0 },
    });
    expect(Object.keys(report.summary.byRule)).toEqual([
      "clean/author-junk",
      "parse/empty-file",
      "parse/missing-url",
    ]);
    expect(report.diagnostics.map((x) => `${x.file}:${x.line}`)).toEqual([
      "a.txt:1",
      "a.txt:3",
      "b.txt:3",
      "c.txt:0",
    ]);
  });

  it("passes with warnings only, unless strict", () => {
    const warnings = analysis([d("a.txt", 2, "warning", "parse/bad-authors")]);
    expect(toCheckReport(warnings, false).ok).toBe(true);
    expect(toCheckReport(warnings, true).ok).toBe(false);
    expect(toCheckReport(analysis([]), true).ok).toBe(true);
  });

  it("serialises to the documented shape, field order included", () => {
    const json = checkReportJson(
      toCheckReport(analysis([d("a.txt", 4, "error", "parse/missing-title", "No title")]), false),
    );
    expect(json.endsWith("}\n")).toBe(true);
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(["version", "ok", "summary", "diagnostics"]);
    expect(parsed.version).toBe(1);
    expect(Object.keys(parsed.summary)).toEqual([
      "files",
      "articles",
      "duplicates",
      "undated",
      "repairedEncodings",
      "heldBack",
      "errors",
      "warnings",
      "byRule",
    ]);
    expect(parsed.diagnostics).toEqual([
      {
        file: "a.txt",
        line: 4,
        severity: "error",
        message: "No title",
        rule: "parse/missing-title",
      },
    ]);
  });

  it("is the same whatever order the diagnostics arrive in", () => {
    const diag = fc.record({
      file: fc.constantFrom("a.txt", "b.txt", "dir/c.txt"),
      line: fc.nat(20),
      severity: fc.constantFrom("error" as const, "warning" as const),
      message: fc.string({ maxLength: 5 }),
      rule: fc.constantFrom("parse/x", "clean/y", "parse/z"),
    });
    fc.assert(
      fc.property(fc.array(diag, { maxLength: 30 }), fc.boolean(), (list, strict) => {
        const shuffled = [...list].reverse();
        expect(checkReportJson(toCheckReport(analysis(shuffled), strict))).toBe(
          checkReportJson(toCheckReport(analysis(list), strict)),
        );
      }),
    );
  });
});

describe("checkReportText", () => {
  it("prints each diagnostic compiler-style, then the summary and the rules", () => {
    const text = checkReportText(
      toCheckReport(
        analysis([
          d("in/a.txt", 3, "error", "parse/bad-date", "Date `31/05` is not a date"),
          d("in/b.txt", 2, "warning", "clean/author-junk", "Dropped author `Share`"),
          d("in/c.txt", 2, "warning", "clean/author-junk", "Dropped author `Email`"),
        ]),
        false,
      ),
    );
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("in/a.txt:3  error  Date `31/05` is not a date  [parse/bad-date]");
    expect(lines[1]).toBe("in/b.txt:2  warning  Dropped author `Share`  [clean/author-junk]");
    expect(text).toContain(
      "Checked 12 files: 9 articles, 1 duplicate, 4 undated, 2 repaired encodings, 1 held back.",
    );
    expect(text).toContain("1 error, 2 warnings.");
    expect(text).toContain("  clean/author-junk  2 warnings\n");
    expect(text).toContain("  parse/bad-date     1 error\n");
  });

  it("says so when there is nothing to report", () => {
    const text = checkReportText(toCheckReport(analysis([]), false));
    expect(text).toMatch(/^Checked 12 files: .*\nNo problems found\.\n$/);
  });

  it("explains a strict failure without errors", () => {
    const text = checkReportText(
      toCheckReport(analysis([d("a.txt", 2, "warning", "parse/bad-authors")]), true),
    );
    expect(text).toContain("--strict");
  });
});
