import { stringify } from "csv-stringify/sync";
import type { Diagnostic, Entry } from "../core/types.js";

/** Column order of `articles.csv`; `articles.ndjson` uses the same names as keys. */
export const EXPORT_COLUMNS = [
  "path",
  "file",
  "source_url",
  "title",
  "authors",
  "date",
  "date_precision",
  "source",
  "section",
  "word_count",
  "content_hash",
  "also_published_at",
  "diagnostics",
] as const;

/** One article's metadata for researchers, the same for both export formats. */
export function exportRecord(
  entry: Entry,
  diagnostics: readonly Diagnostic[],
): Record<(typeof EXPORT_COLUMNS)[number], unknown> {
  return {
    path: entry.path,
    file: entry.file,
    source_url: entry.url,
    title: entry.title,
    authors: entry.authors.map((a) => a.name),
    date: entry.published?.iso ?? null,
    date_precision: entry.published?.precision ?? null,
    source: entry.domain,
    section: entry.section,
    word_count: entry.wordCount,
    content_hash: entry.contentHash,
    also_published_at: entry.alsoAt,
    diagnostics: diagnostics.map((d) => ({
      line: d.line,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
    })),
  };
}

/** The CSV header line. */
export function csvHeader(): string {
  return stringify([[...EXPORT_COLUMNS]]);
}

/** Records per call of the CSV writer, which sets itself up anew on every call. */
const CSV_BATCH = 512;

/**
 * CSV lines of the records, a batch of lines to each string; list columns are joined with `; `
 * and diagnostics written as their rules.
 */
export function* csvRows(records: Iterable<Record<string, unknown>>): Generator<string> {
  let batch: unknown[][] = [];
  for (const record of records) {
    batch.push(csvCells(record));
    if (batch.length === CSV_BATCH) {
      yield stringify(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch);
}

function csvCells(record: Record<string, unknown>): unknown[] {
  return EXPORT_COLUMNS.map((column) => {
    const value = record[column];
    if (column === "diagnostics" && Array.isArray(value))
      return value.map((d: { rule: string }) => d.rule).join("; ");
    if (Array.isArray(value)) return value.join("; ");
    return value ?? "";
  });
}

/** One NDJSON line. */
export function ndjsonRow(record: Record<string, unknown>): string {
  return `${JSON.stringify(record)}\n`;
}
