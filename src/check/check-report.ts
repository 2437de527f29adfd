import type { Analysis } from "../build/analyse.js";
import { compareText } from "../core/compare.js";
import { compareDiagnostics } from "../core/format-diagnostic.js";
import type { Diagnostic } from "../core/types.js";

/** The counts and diagnostics of a parse of the whole corpus, as `analyse` returns them. */
export type CorpusAnalysis = Analysis;

/**
 * What `broadsheet check --format json` prints: one JSON object, two-space indented, then a
 * newline. The shape is stable; fields may be added in a later `version`, never renamed.
 *
 * ```jsonc
 * {
 *   "version": 1,              // shape version
 *   "ok": true,                // false exactly when the exit code is 1
 *   "summary": {
 *     "files": 1000,           // input files read
 *     "articles": 987,         // articles that would be published
 *     "duplicates": 4,         // files merged into another article with the same text or URL
 *     "undated": 412,          // published articles without a usable date
 *     "repairedEncodings": 3,  // files whose mojibake or entities were repaired
 *     "heldBack": 2,           // files held back as non-articles (cookie walls, removal notices)
 *     "errors": 1,             // diagnostics of severity "error"
 *     "warnings": 37,          // diagnostics of severity "warning"
 *     "byRule": {              // every rule seen, keys sorted
 *       "parse/bad-date": { "errors": 1, "warnings": 0 }
 *     }
 *   },
 *   "diagnostics": [           // sorted by file, line, rule, message
 *     {
 *       "file": "articles/00012_ab.txt",  // relative to the working directory, `/` separators
 *       "line": 3,                        // 1-based; 0 when the whole file is concerned
 *       "severity": "error",              // "error" or "warning"
 *       "message": "Date `31/05/2018` is not ISO 8601 …",
 *       "rule": "parse/bad-date"
 *     }
 *   ]
 * }
 * ```
 *
 * `ok` is false when there is an error, or with `--strict` when there is any diagnostic.
 */
export interface CheckReport {
  readonly version: 1;
  readonly ok: boolean;
  readonly summary: {
    readonly files: number;
    readonly articles: number;
    readonly duplicates: number;
    readonly undated: number;
    readonly repairedEncodings: number;
    readonly heldBack: number;
    readonly errors: number;
    readonly warnings: number;
    readonly byRule: Readonly<
      Record<string, { readonly errors: number; readonly warnings: number }>
    >;
  };
  readonly diagnostics: readonly Diagnostic[];
}

/** Builds the report of an analysis; with `strict`, warnings fail it too. */
export function toCheckReport(analysis: CorpusAnalysis, strict: boolean): CheckReport {
  const ordered = [...analysis.diagnostics].sort(compareDiagnostics);
  const diagnostics = ordered.map((d) => ({
    file: d.file,
    line: d.line,
    severity: d.severity,
    message: d.message,
    rule: d.rule,
  }));
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const d of diagnostics) {
    const count = counts.get(d.rule) ?? { errors: 0, warnings: 0 };
    if (d.severity === "error") count.errors++;
    else count.warnings++;
    counts.set(d.rule, count);
  }
  const byRule = Object.fromEntries([...counts].sort(([a], [b]) => compareText(a, b)));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return {
    version: 1,
    ok: errors === 0 && !(strict && warnings > 0),
    summary: {
      files: analysis.files,
      articles: analysis.articles,
      duplicates: analysis.duplicates,
      undated: analysis.undated,
      repairedEncodings: analysis.repairedEncodings,
      heldBack: analysis.heldBack,
      errors,
      warnings,
      byRule,
    },
    diagnostics,
  };
}

/** Serialises a report as documented on {@link CheckReport}. */
export function checkReportJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
