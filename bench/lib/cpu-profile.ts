/** Summaries of V8 `.cpuprofile` files: self time per function and per source area. */

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}
/** The parts of a V8 CPU profile this summary reads. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time (ms) keyed by a label. */
export type Tally = Map<string, number>;

/** Where a script lives, short: `build/render/templates.js`, `eta`, `node:fs`, `(garbage collector)`. */
export function areaOf(frame: CallFrame, root: string): string {
  const url = frame.url.replace(/^file:\/\//, "");
  if (!url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  return url.startsWith(root) ? url.slice(root.length) : url;
}

/** Adds the self time of every sample in `profile` to per-function and per-area tallies. */
export function tally(
  profile: CpuProfile,
  root: string,
  byFunction: Tally,
  ...byArea: Tally[]
): number {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = frames.get(id);
    if (!frame || ms <= 0) return;
    total += ms;
    const area = areaOf(frame, root);
    const name = `${frame.functionName || "(anonymous)"} — ${area}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    for (const t of byArea) t.set(area, (t.get(area) ?? 0) + ms);
  });
  return total;
}

/** A Markdown table of the `top` largest entries of `t`, with shares of `total`. */
export function topTable(t: Tally, total: number, top: number, heading: string): string {
  const rows = [...t].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = [`| ${heading} | self ms | share |`, "|---|--:|--:|"];
  for (const [label, ms] of rows) {
    lines.push(
      `| ${label.replace(/\|/g, "\\|")} | ${Math.round(ms)} | ${((100 * ms) / total).toFixed(1)}% |`,
    );
  }
  return lines.join("\n");
}
