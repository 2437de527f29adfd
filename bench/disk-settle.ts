/**
 * How long file creation stays slow after a large delete on this disk, which decides how long the
 * benchmark waits before a timed run (`SETTLE_SECONDS` in `lib/settle.ts`). Creates pages the way
 * a build writes article pages (a folder and one file each), deletes many of them, then creates
 * probes of pages at intervals after the delete and times each.
 * Usage: npx tsx bench/disk-settle.ts [--deleted 20000] [--probe 1000] [--at 2,30,60,...] [--no-record]
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { recordResults } from "./lib/results-file.js";
import { recordDeletion, SETTLE_SECONDS } from "./lib/settle.js";

const ROOT = new URL("..", import.meta.url).pathname;
const WORK = join(ROOT, "bench", ".work", "disk-settle");
/** About an article page of the benchmark's corpus. */
const PAGE = Buffer.alloc(7 * 1024, "x");

/** Creates `count` folders of one page each under `dir`; returns microseconds a page. */
function createPages(dir: string, count: number): number {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `page-${i}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "index.html"), PAGE);
  }
  return ((performance.now() - started) * 1000) / count;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      deleted: { type: "string", default: "20000" },
      probe: { type: "string", default: "1000" },
      at: { type: "string", default: "2,30,60,120,180,240,300,330,360,420" },
      "no-record": { type: "boolean", default: false },
    },
  });
  const deleted = Number(values.deleted);
  const probe = Number(values.probe);
  const at = values.at.split(",").map(Number);
  const run = join(WORK, `run-${process.pid}`);
  mkdirSync(run, { recursive: true });

  const rows: string[] = [];
  rows.push(`| before the delete | ${createPages(join(run, "probe-before"), probe).toFixed(0)} |`);
  const doomed = join(run, "doomed");
  createPages(doomed, deleted);
  const deleting = performance.now();
  rmSync(doomed, { recursive: true, force: true });
  const deletedAt = performance.now();
  const deleteSeconds = (deletedAt - deleting) / 1000;
  for (const seconds of at) {
    const wait = deletedAt + seconds * 1000 - performance.now();
    if (wait > 0) await sleep(wait);
    const elapsed = (performance.now() - deletedAt) / 1000;
    const micros = createPages(join(run, `probe-${seconds}`), probe);
    rows.push(`| ${elapsed.toFixed(0)} s after | ${micros.toFixed(0)} |`);
    process.stderr.write(
      `${elapsed.toFixed(0)} s after the delete: ${micros.toFixed(0)} µs a page\n`,
    );
  }

  const text = [
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — file creation after a large delete`,
    "",
    `Command: \`${["npx tsx bench/disk-settle.ts", ...process.argv.slice(2)].join(" ")}\`.`,
    `${deleted.toLocaleString("en")} folders of one 7 KB page deleted in ${deleteSeconds.toFixed(1)} s, then`,
    `probes of ${probe.toLocaleString("en")} such pages created (a folder and a file each, as a build writes`,
    `article pages); the benchmark waits ${SETTLE_SECONDS} s after a deletion before a timed run.`,
    "",
    "| probe | µs a page |",
    "|---|--:|",
    ...rows,
  ].join("\n");
  process.stdout.write(`${text}\n`);
  // A timed run after this one must wait for the disk to settle again.
  rmSync(run, { recursive: true, force: true });
  recordDeletion();
  if (!values["no-record"]) recordResults("Build benchmark", text);
}

await main();
