import { formatDiagnostic } from "../core/format-diagnostic.js";
import type { BuildResult, Diagnostic } from "../core/types.js";

/** What the browsers are told about the site being served. */
export interface DevState {
  /** Grows whenever pages or problems change; a tab showing an older build reloads. */
  readonly id: number;
  /** Diagnostics of severity `error` from the last build that finished. */
  readonly errors: readonly Diagnostic[];
  /** Message of the last build when it failed as a whole (broken template or config), else `null`. */
  readonly fatal: string | null;
  /** Every diagnostic of the last build that finished, to tell new ones from old. */
  readonly diagnostics: readonly Diagnostic[];
}

/** How one build ended. */
export type BuildOutcome =
  | { readonly kind: "built"; readonly result: BuildResult }
  | { readonly kind: "failed"; readonly message: string };

/** Errors shown in the overlay; the terminal has them all. */
const OVERLAY_LIMIT = 100;
/** New diagnostics printed after a rebuild before the rest are summed up. */
const LOG_LIMIT = 30;

/** The state before the first build. */
export const INITIAL_STATE: DevState = { id: 0, errors: [], fatal: null, diagnostics: [] };

const keyOf = (d: Diagnostic) => `${d.file}\0${d.line}\0${d.rule}\0${d.message}`;

/** The state after a build: a failed build keeps the pages and diagnostics of the last good one. */
export function nextState(prev: DevState, outcome: BuildOutcome): DevState {
  const diagnostics = outcome.kind === "built" ? outcome.result.diagnostics : prev.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === "error");
  const fatal = outcome.kind === "failed" ? outcome.message : null;
  const written = outcome.kind === "built" ? outcome.result.written : 0;
  const same =
    prev.id > 0 &&
    written === 0 &&
    fatal === prev.fatal &&
    errors.map(keyOf).join("\n") === prev.errors.map(keyOf).join("\n");
  return { id: same ? prev.id : prev.id + 1, errors, fatal, diagnostics };
}

/** The JSON a browser receives in a `build` event. */
export function browserPayload(state: DevState) {
  return {
    id: state.id,
    fatal: state.fatal,
    errorCount: state.errors.length,
    errors: state.errors.slice(0, OVERLAY_LIMIT).map(({ file, line, message, rule }) => ({
      file,
      line,
      message,
      rule,
    })),
  };
}

/** `1 page`, `2 pages`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Terminal lines about a finished build: what changed, then only the problems not seen before;
 * when a build fails after a good one, `keptNote` says what was left in place.
 */
export function describeBuild(
  prev: DevState,
  next: DevState,
  outcome: BuildOutcome,
  changed: readonly string[],
  ms: number,
  keptNote: string,
): string[] {
  const first = prev.id === 0;
  if (outcome.kind === "failed") {
    // Only a good build's site is worth telling of: after a failed one, it was told already.
    const good = prev.id > 0 && prev.fatal === null;
    return [`✗ Build failed: ${outcome.message}`, ...(good ? [`  ${keptNote}`] : [])];
  }
  const r = outcome.result;
  const errors = next.errors.length;
  const warnings = next.diagnostics.length - errors;
  const what = first
    ? `Built ${plural(r.articles, "article")}, ${plural(r.pages, "page")}`
    : `↻ ${changed.length === 1 ? changed[0] : plural(changed.length, "file")} changed: ${plural(r.written, "file")} written`;
  const lines = [
    `${what} in ${Math.round(ms)} ms (${plural(errors, "error")}, ${plural(warnings, "warning")})`,
  ];
  const seen = new Set(prev.diagnostics.map(keyOf));
  const fresh = next.diagnostics.filter((d) => !seen.has(keyOf(d)));
  // On the first build thousands of old warnings would bury the errors: show errors only.
  const shown = (first ? fresh.filter((d) => d.severity === "error") : fresh).slice(0, LOG_LIMIT);
  lines.push(...shown.map((d) => `  ${formatDiagnostic(d)}`));
  const hidden = (first ? errors : fresh.length) - shown.length;
  if (hidden > 0) lines.push(`  …and ${hidden} more.`);
  if (first && warnings > 0) lines.push("  `broadsheet check` lists every warning.");
  if (!first && errors === 0 && (prev.errors.length > 0 || prev.fatal !== null)) {
    lines.push("✓ No errors left.");
  }
  return lines;
}
