import type { Diagnostic } from "./types.js";

/** Formats a diagnostic as one compiler-style line: `file:line  severity  message  [rule]`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return `${where}  ${d.severity}  ${d.message}  [${d.rule}]`;
}

/** Orders diagnostics by file, line and rule so output is stable whatever the worker count. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
