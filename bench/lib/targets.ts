import { rss, SCENARIOS, type SizeResult, wall } from "./report.js";

/** One target from the issue, checked against what was measured. */
interface Check {
  readonly n: number;
  readonly text: string;
  readonly pass: (r: SizeResult) => boolean;
}

const GIB = 1024;
const CHECKS: readonly Check[] = [
  {
    n: 10_000,
    text: "10k full build ≤ 0.5 × Hugo",
    pass: (r) => wall(r, "full") <= 0.5 * wall(r, "hugo"),
  },
  { n: 100_000, text: "100k full build < 30 s", pass: (r) => wall(r, "full") < 30 },
  { n: 100_000, text: "100k no-change rebuild < 5 s", pass: (r) => wall(r, "nochange") < 5 },
  { n: 100_000, text: "100k one edited article < 1 s", pass: (r) => wall(r, "article") < 1 },
  {
    n: 100_000,
    text: "peak RSS < 1 GB at 100k (all builds)",
    pass: (r) => Math.max(...SCENARIOS.filter((s) => s !== "hugo").map((s) => rss(r, s))) < GIB,
  },
  { n: 1_000_000, text: "1M full build < 6 min", pass: (r) => wall(r, "full") < 360 },
  { n: 1_000_000, text: "1M peak RSS < 4 GB", pass: (r) => rss(r, "full") < 4 * GIB },
];

/** The targets that apply to the sizes measured, each marked met, missed or not measured. */
export function targetLines(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  for (const check of CHECKS) {
    const r = results.find((x) => x.n === check.n);
    if (!r) continue;
    const value = check.pass(r);
    const hasData = Number.isFinite(wall(r, "full"));
    lines.push(`- ${check.text}: ${!hasData ? "not measured" : value ? "met" : "**missed**"}`);
  }
  for (const r of results) {
    const rewritten = r.rewritten.template;
    if (!rewritten.length) continue;
    lines.push(
      `- N = ${r.n.toLocaleString("en")}: the article-template edit rewrote ${Math.max(...rewritten).toLocaleString("en")} files ` +
        `(${r.pages.toLocaleString("en")} HTML pages in the site); only pages rendered from that template should change`,
    );
  }
  return lines;
}
