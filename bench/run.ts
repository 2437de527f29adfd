/**
 * Build benchmark: Broadsheet against itself (clean, no-change, one article edited, one newer
 * article added, one template) and against Hugo, on synthetic corpora. Never part of the tests.
 * Usage: npx tsx bench/run.ts [--sizes 1000,10000,100000] [--huge] [--runs 3] [--no-hugo]
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { trashFor } from "../src/write/trash.js";
import { generateCorpus } from "./generate.js";
import { hugoBuildArgs, hugoVersion, readyHugoSite } from "./hugo.js";
import { type Measurement, measure, requireGnuTime } from "./lib/measure.js";
import { emptyResult, ratios, type Scenario, type SizeResult, table } from "./lib/report.js";
import { recordResults } from "./lib/results-file.js";
import { createDiskSettler, type DiskSettler } from "./lib/settle.js";
import { type Snapshot, snapshotHead } from "./lib/snapshot.js";
import { targetLines } from "./lib/targets.js";
import { countFiles, isDirectory, moveAway } from "./lib/tree.js";

const ROOT = new URL("..", import.meta.url).pathname;
const WORK = join(ROOT, "bench", ".work");
const TRASH = join(WORK, "trash");

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

/** Paths used for one corpus size. */
function pathsFor(n: number) {
  const run = join(WORK, `run-${n}`);
  return {
    corpus: join(WORK, `corpus-${n}`),
    hugoSite: join(WORK, `hugo-${n}`),
    hugoOut: join(WORK, `hugo-${n}`, "public"),
    // The build keeps its cache beside the output, so moving `run` away makes the next build clean.
    run,
    out: join(run, "site"),
    templates: join(WORK, `templates-${n}`),
  };
}

/** Times the whole series for one size: each run alternates our builds with Hugo's. */
async function series(
  n: number,
  runs: number,
  withHugo: boolean,
  product: Snapshot,
  disk: DiskSettler,
): Promise<SizeResult> {
  const p = pathsFor(n);
  if (!isDirectory(p.corpus)) {
    log(`generating ${n} articles in ${p.corpus}`);
    await generateCorpus({ n, out: p.corpus, verbose: true });
  }
  if (withHugo && (await readyHugoSite(p.corpus, p.hugoSite))) {
    log(`converted the corpus to Hugo content in ${p.hugoSite}`);
  }
  moveAway(p.templates, TRASH);
  cpSync(product.templates, p.templates, { recursive: true });
  const names = readdirSync(p.corpus).sort();
  const edited = join(p.corpus, names[Math.floor(names.length / 2)] ?? "");
  // Sorted last and dated after every generated article: the newest, as a day's scrape brings.
  const added = join(p.corpus, "zzzzzzz-benchmark-added.txt");
  rmSync(added, { force: true });
  const ours = ["build", p.corpus, "--out", p.out, "--quiet", "--templates", p.templates];
  const result = emptyResult(n);

  const time = (s: Scenario, cmd: string, args: string[]): Measurement => {
    const since = Date.now() - 20;
    const m = measure(cmd, args, ROOT);
    result.runs[s].push(m);
    if (!m.ok) log(`${s} failed:\n${m.error}`);
    if (m.ok && s !== "full" && s !== "hugo") {
      result.rewritten[s].push(countFiles(p.out, "", since).since);
    }
    log(`N=${n} ${s}: ${m.wallSeconds.toFixed(2)} s, ${m.peakRssMiB.toFixed(0)} MiB`);
    return m;
  };

  // The clean builds come first, each of ours beside one of Hugo's, and the edits after them on
  // the last clean build's output: the template edit replaces most pages, and a clean build
  // right after their deletion would create its files on a slowed disk (see `settle.ts`).
  for (let r = 1; r <= runs; r++) {
    log(`N=${n} clean builds, run ${r}/${runs}`);
    await disk.settle();
    moveAway(p.run, TRASH);
    if (time("full", process.execPath, [product.bin, ...ours]).ok) {
      result.pages = countFiles(p.out, ".html").total;
    }
    if (withHugo) {
      moveAway(p.hugoOut, TRASH);
      if (time("hugo", "hugo", hugoBuildArgs(p.hugoSite, p.hugoOut)).ok) {
        result.hugoPages = countFiles(p.hugoOut, ".html").total;
      }
    }
  }
  for (let r = 1; r <= runs; r++) {
    log(`N=${n} edits, run ${r}/${runs}`);
    if (r > 1) {
      log(`N=${n}: building the restored article, untimed`);
      const sync = measure(process.execPath, [product.bin, ...ours], ROOT);
      if (!sync.ok) log(`untimed build failed:\n${sync.error}`);
    }
    time("nochange", process.execPath, [product.bin, ...ours]);
    const original = readFileSync(edited);
    appendFileSync(edited, `\n\nEditor's note: this article was updated (benchmark run ${r}).`);
    time("article", process.execPath, [product.bin, ...ours]);
    writeFileSync(added, addedArticle(r));
    time("added", process.execPath, [product.bin, ...ours]);
    appendFileSync(join(p.templates, "article.eta"), `\n<!-- benchmark edit ${r} -->\n`);
    await disk.settle();
    time("template", process.execPath, [product.bin, ...ours]);
    disk.deleting(trashFor(p.out));
    writeFileSync(edited, original);
    rmSync(added);
  }
  return result;
}

/** An article newer than any the generator writes, different in each run. */
function addedArticle(run: number): string {
  return [
    `https://www.example-news.com/2040/01/0${run % 10}/world/tide-station-readings-${run}`,
    "['Ada Newcomer']",
    `2040-01-0${(run % 9) + 1} 08:00:00`,
    `The tide station publishes its readings, part ${run}`,
    " ",
    `Volunteers at the tide station on the northern bay published their readings (part ${run}) on a holiday morning, saying the data could not wait.`,
    "",
    "Their instruments recorded swells that repeat every nineteen minutes with no wind to raise them, a rhythm the oceanographer compared to a slow heartbeat under the water.",
    "",
    "The report asks for a second array of sensors further out and a public archive of every reading taken since the station opened.",
    "",
  ].join("\n");
}

/** Commit, machine and load, so a result can be read in context. */
function context(commit: string): string {
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
  const hugo = hugoVersion()?.split(" ")[1] ?? "not installed";
  return `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, Hugo ${hugo}, commit ${commit} (HEAD, compiled apart from the working tree), load average at start ${load} (shared machine)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000,100000" },
      huge: { type: "boolean", default: false },
      runs: { type: "string", default: "3" },
      "no-hugo": { type: "boolean", default: false },
      "no-record": { type: "boolean", default: false },
    },
  });
  requireGnuTime();
  const sizes = values.sizes.split(",").map(Number);
  if (values.huge) sizes.push(1_000_000);
  const runs = Math.max(1, Number(values.runs));
  const withHugo = !values["no-hugo"] && hugoVersion() !== null;
  if (!values["no-hugo"] && !withHugo) log("hugo is not installed; comparing with Hugo skipped");
  log("compiling HEAD into a snapshot");
  const product = snapshotHead(ROOT, WORK, TRASH);
  const machine = context(product.commit);
  const results: SizeResult[] = [];
  const disk = createDiskSettler(log);
  for (const n of sizes) results.push(await series(n, runs, withHugo, product, disk));
  const command = `npx tsx bench/run.ts ${process.argv.slice(2).join(" ")}`.trim();
  const text = [
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${runs} run(s), medians`,
    "",
    `Command: \`${command}\`  `,
    `Machine: ${machine}`,
    "",
    table(results),
    "",
    ...ratios(results),
    ...targetLines(results),
  ].join("\n");
  process.stdout.write(`${text}\n`);
  if (!values["no-record"]) recordResults("Build benchmark", text);
  log(`removing old outputs in ${TRASH}`);
  spawnSync("rm", ["-rf", TRASH]);
  disk.deleted();
}

await main();
