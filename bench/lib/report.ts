import type { Measurement } from "./measure.js";
import { median } from "./measure.js";

/** The builds timed for each corpus size. */
export const SCENARIOS = ["full", "hugo", "nochange", "article", "added", "template"] as const;
/** One timed build. */
export type Scenario = (typeof SCENARIOS)[number];

const LABELS: Record<Scenario, string> = {
  full: "Broadsheet full clean build",
  hugo: "Hugo full build",
  nochange: "Broadsheet no-change rebuild",
  article: "Broadsheet one article edited",
  added: "Broadsheet one newest article added",
  template: "Broadsheet article template edited",
};

/** Everything measured for one corpus size. */
export interface SizeResult {
  readonly n: number;
  /** HTML pages in Broadsheet's and Hugo's output. */
  pages: number;
  hugoPages: number;
  readonly runs: Record<Scenario, Measurement[]>;
  /** Output files whose mtime changed during each rebuild, per run. */
  readonly rewritten: Record<Scenario, number[]>;
}

const fmt = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const int = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString("en") : "–");

/** An empty result for size `n`. */
export function emptyResult(n: number): SizeResult {
  const lists = <T>() =>
    Object.fromEntries(SCENARIOS.map((s) => [s, [] as T[]])) as Record<Scenario, T[]>;
  return { n, pages: 0, hugoPages: 0, runs: lists<Measurement>(), rewritten: lists<number>() };
}

/** Median wall seconds of a scenario, NaN when it was not run or failed. */
export function wall(r: SizeResult, s: Scenario): number {
  const runs = r.runs[s].filter((m) => m.ok) ?? [];
  return runs.length ? median(runs.map((m) => m.wallSeconds)) : Number.NaN;
}

/** Median peak RSS (MiB) of a scenario. */
export function rss(r: SizeResult, s: Scenario): number {
  const runs = r.runs[s].filter((m) => m.ok) ?? [];
  return runs.length ? median(runs.map((m) => m.peakRssMiB)) : Number.NaN;
}

/** A Markdown table of medians, one row per size and scenario. */
export function table(results: readonly SizeResult[]): string {
  const rows = [
    "| N | build | wall s | pages/s | peak RSS MiB | CPU s | files rewritten | failed runs |",
    "|--:|---|--:|--:|--:|--:|--:|--:|",
  ];
  for (const r of results) {
    for (const s of SCENARIOS) {
      const runs = r.runs[s];
      if (!runs.length) continue;
      const ok = runs.filter((m) => m.ok);
      const pages = s === "hugo" ? r.hugoPages : r.pages;
      const cpu = ok.length ? median(ok.map((m) => m.cpuSeconds)) : Number.NaN;
      const rewritten = r.rewritten[s].length ? int(median(r.rewritten[s])) : "all";
      const cells = [int(r.n), LABELS[s], fmt(wall(r, s)), int(pages / wall(r, s))];
      cells.push(int(rss(r, s)), fmt(cpu, 1), rewritten, String(runs.length - ok.length));
      rows.push(`| ${cells.join(" | ")} |`);
    }
  }
  return rows.join("\n");
}

/** One line per size comparing full builds with Hugo's, measured in the same run. */
export function ratios(results: readonly SizeResult[]): string[] {
  return results
    .filter((r) => Number.isFinite(wall(r, "hugo")))
    .map((r) => {
      const ratio = wall(r, "full") / wall(r, "hugo");
      return (
        `- N = ${int(r.n)}: Broadsheet full build / Hugo full build = **${fmt(ratio)}×** ` +
        `(${fmt(wall(r, "full"))} s for ${int(r.pages)} pages vs ${fmt(wall(r, "hugo"))} s for ${int(r.hugoPages)} pages)`
      );
    });
}
