import { formatDiagnostic } from "../core/format-diagnostic.js";
import type { CheckReport } from "./check-report.js";

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Renders a report for a terminal: every diagnostic on its own line, then the corpus summary
 * and a table of rules, so the worst offenders show at a glance.
 */
export function checkReportText(report: CheckReport): string {
  const s = report.summary;
  const lines = report.diagnostics.map(formatDiagnostic);
  if (lines.length > 0) lines.push("");
  lines.push(
    `Checked ${count(s.files, "file")}: ${count(s.articles, "article")}, ` +
      `${count(s.duplicates, "duplicate")}, ${s.undated} undated, ` +
      `${count(s.repairedEncodings, "repaired encoding")}, ${s.heldBack} held back.`,
  );
  if (s.errors + s.warnings === 0) {
    lines.push("No problems found.");
    return `${lines.join("\n")}\n`;
  }
  lines.push(`${count(s.errors, "error")}, ${count(s.warnings, "warning")}.`);
  const rules = Object.entries(s.byRule);
  const width = Math.max(...rules.map(([rule]) => rule.length));
  for (const [rule, c] of rules) {
    const parts = [
      c.errors > 0 ? count(c.errors, "error") : "",
      c.warnings > 0 ? count(c.warnings, "warning") : "",
    ];
    lines.push(`  ${rule.padEnd(width)}  ${parts.filter((p) => p !== "").join(", ")}`);
  }
  if (!report.ok && s.errors === 0) lines.push("Failing because --strict counts warnings.");
  return `${lines.join("\n")}\n`;
}
