import { compareText } from "./compare.js";
import type { Diagnostic } from "./types.js";

/** Formats a diagnostic as one compiler-style line: `file:line  severity  message  [rule]`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return `${where}  ${d.severity}  ${d.message}  [${d.rule}]`;
}

/**
 * Orders diagnostics by file, line, rule, message and severity: a total order, so output never
 * depends on the worker count or the order diagnostics arrive in.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message) ||
    compareText(a.severity, b.severity)
  );
}
