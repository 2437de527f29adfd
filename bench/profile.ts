/**
 * CPU profile of one clean Broadsheet build, summarised by self time.
 * Usage: npx tsx bench/profile.ts [--n 10000] [--top 25] [--no-record]
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate.js";
import { type CpuProfile, type Tally, tally, topTable } from "./lib/cpu-profile.js";
import { recordResults } from "./lib/results-file.js";
import { snapshotHead } from "./lib/snapshot.js";
import { isDirectory, moveAway } from "./lib/tree.js";

const ROOT = new URL("..", import.meta.url).pathname;
const WORK = join(ROOT, "bench", ".work");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "10000" },
      top: { type: "string", default: "25" },
      "no-record": { type: "boolean", default: false },
    },
  });
  const n = Number(values.n);
  const corpus = join(WORK, `corpus-${n}`);
  if (!isDirectory(corpus)) await generateCorpus({ n, out: corpus, verbose: true });
  const product = snapshotHead(ROOT, WORK, join(WORK, "trash"));
  const run = join(WORK, `profile-${n}`);
  moveAway(run, join(WORK, "trash"));
  const dir = join(run, "cpuprof");
  const args = ["--cpu-prof", "--cpu-prof-dir", dir, product.bin];
  args.push("build", corpus, "--out", join(run, "site"), "--quiet");
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`profiled build failed with status ${result.status}`);

  const byFunction: Tally = new Map();
  const byArea: Tally = new Map();
  let total = 0;
  const threads: string[] = [];
  // Node names profiles CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile; thread 0 is the main one.
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  for (const file of files.sort()) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
    const own: Tally = new Map();
    const ms = tally(profile, `${product.dir}/`, byFunction, byArea, own);
    const waiting = (own.get("(idle)") ?? 0) + (own.get("piscina") ?? 0);
    const thread = file.split(".")[4] === "0" ? "main thread" : `worker ${file.split(".")[4]}`;
    threads.push(
      `${thread}: ${(ms / 1000).toFixed(1)} s sampled, ${((100 * waiting) / ms).toFixed(0)}% idle or waiting for tasks`,
    );
    total += ms;
  }
  const top = Number(values.top);
  const text = [
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — CPU profile of a clean ${n.toLocaleString("en")}-article build`,
    "",
    `Command: \`npx tsx bench/profile.ts ${process.argv.slice(2).join(" ")}\`, which runs \`node --cpu-prof bin/broadsheet.js build <corpus> --out <dir> --quiet\`.  `,
    `Wall ${wall.toFixed(1)} s under the profiler; ${(total / 1000).toFixed(1)} s of samples over ${files.length} thread(s) (main and workers together). \`build/\` is the compiled \`src/\` of commit ${product.commit}.`,
    `Threads: ${threads.join("; ")}.`,
    "",
    topTable(byArea, total, 15, "area (package or compiled module)"),
    "",
    topTable(byFunction, total, top, "function — file:line"),
  ].join("\n");
  process.stdout.write(`${text}\n`);
  if (!values["no-record"]) recordResults("Where the time goes", text);
}

await main();
