/**
 * Dev server latency: from saving an edited article to its new text being served after the live
 * reload event, through the real `broadsheet dev` process over HTTP. With `--watch`, the same
 * through `broadsheet build --watch`: from saving the edit to its new text in the output folder.
 * Also reports the process's resident size after the first build and its peak (Linux only).
 * Never part of the tests.
 * Usage: npx tsx bench/dev-latency.ts [--n 10000] [--edits 7] [--watch] [--product <dir>]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate.js";
import { isDirectory, moveAway } from "./lib/tree.js";

const ROOT = new URL("..", import.meta.url).pathname;
const WORK = join(ROOT, "bench", ".work");
const EVENTS = "/__broadsheet/events";

/** Waits for the dev server to print its URL. */
function serverUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
      const match = /Serving at (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`dev exited with ${code}: ${seen}`)));
  });
}

/** Resolves at the next line `child` prints that matches `pattern`. */
function nextLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    let seen = "";
    child.stdout?.on("data", function listen(chunk: Buffer) {
      seen += chunk.toString();
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
      if (pattern.test(seen)) {
        child.stdout?.off("data", listen);
        resolve();
      }
    });
  });
}

/** Milliseconds from `t0` until the file at `page` holds `marker`, read every millisecond. */
async function onDisk(page: string, marker: string, t0: number): Promise<number> {
  for (;;) {
    const text = await readFile(page, "utf8").catch(() => "");
    if (text.includes(marker)) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** Calls `onBuild` with each build id the server announces over server-sent events. */
async function listen(url: string, onBuild: (id: number) => void): Promise<AbortController> {
  const abort = new AbortController();
  const response = await fetch(new URL(EVENTS, url), { signal: abort.signal });
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no event stream");
  void (async () => {
    let buffer = "";
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (block.includes("event: build") && data)
          onBuild((JSON.parse(data) as { id: number }).id);
      }
    }
  })();
  return abort;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** How an edit shows: its new text, then the rebuild after it; each in ms from `t0`. */
interface Probe {
  /** `page` is the article's site path. */
  readonly shown: (page: string, marker: string, t0: number) => Promise<number>;
  readonly settled: (t0: number) => Promise<number>;
  readonly close: () => void;
}

/** `broadsheet dev`: the text served over HTTP after the reload event, then the next event. */
async function devProbe(child: ChildProcess): Promise<Probe> {
  const url = await serverUrl(child);
  let waiting: ((id: number) => void) | null = null;
  const events = await listen(url, (id) => waiting?.(id));
  return {
    shown: (page, marker, t0) =>
      new Promise<number>((resolve) => {
        waiting = async () => {
          const text = await (await fetch(new URL(page, url))).text();
          if (text.includes(marker)) resolve(performance.now() - t0);
        };
      }),
    settled: (t0) =>
      new Promise<number>((resolve) => {
        waiting = () => resolve(performance.now() - t0);
      }),
    close: () => events.abort(),
  };
}

/** `broadsheet build --watch`: the text in the output folder, then the rebuild's line. */
async function watchProbe(child: ChildProcess, out: string): Promise<Probe> {
  await nextLine(child, /Watching for changes/);
  let rebuilt: Promise<void> | null = null;
  return {
    shown: (page, marker, t0) => {
      rebuilt = nextLine(child, /changed: \d+ files? written/);
      return onDisk(join(out, page), marker, t0);
    },
    settled: async (t0) => {
      await rebuilt;
      return performance.now() - t0;
    },
    close: () => undefined,
  };
}

/** A line of the process's `/proc` status in MiB: `VmRSS` now, `VmHWM` its peak. */
function residentMiB(child: ChildProcess, field: "VmRSS" | "VmHWM"): string {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
    return kb === undefined ? "?" : String(Math.round(Number(kb) / 1024));
  } catch {
    return "?";
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "10000" },
      edits: { type: "string", default: "7" },
      watch: { type: "boolean", default: false },
      // A compiled checkout to run instead of this one, to compare two versions.
      product: { type: "string", default: ROOT },
    },
  });
  const n = Number(values.n);
  const corpus = join(WORK, `corpus-${n}`);
  if (!isDirectory(corpus)) await generateCorpus({ n, out: corpus, verbose: true });
  const run = join(WORK, `dev-${n}`);
  moveAway(run, join(WORK, "trash"));
  const out = join(run, "site");
  const started = performance.now();
  const command = values.watch ? ["build", corpus, "--watch"] : ["dev", corpus, "--port", "18500"];
  const child = spawn(
    process.execPath,
    [join(values.product, "bin/broadsheet.js"), ...command, "--out", out],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const probe = await (values.watch ? watchProbe(child, out) : devProbe(child));
    process.stderr.write(
      `${command[0]}: first build ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const firstRss = residentMiB(child, "VmRSS");
    const rows = readFileSync(join(out, "articles.ndjson"), "utf8").trim().split("\n");
    const names = readdirSync(corpus).sort();
    const name = names[Math.floor(names.length / 2)] ?? "";
    const file = join(corpus, name);
    const row = rows
      .map((r) => JSON.parse(r) as { file: string; path: string })
      .find((r) => r.file.endsWith(name));
    if (!row) throw new Error(`no page for ${name}`);
    const original = readFileSync(file);
    const shown: number[] = [];
    const settled: number[] = [];
    try {
      for (let k = 0; k < Number(values.edits); k++) {
        await new Promise((r) => setTimeout(r, 1500));
        const marker = `Edited paragraph ${k} ${Date.now()}.`;
        const t0 = performance.now();
        const showing = probe.shown(row.path, marker, t0);
        writeFileSync(file, `${original.toString()}\n${marker}\n`);
        shown.push(await showing);
        // The rebuild that follows the early page: wait until it is done.
        settled.push(
          await Promise.race([
            probe.settled(t0),
            // Unreferenced, so the script can exit once it has printed.
            new Promise<number>((r) => setTimeout(() => r(Number.NaN), 900_000).unref()),
          ]),
        );
      }
    } finally {
      probe.close();
      writeFileSync(file, original);
    }
    const ms = (v: readonly number[]) => v.map((x) => x.toFixed(0)).join(", ");
    const where = values.watch ? "in the output folder" : "served after the reload event";
    console.log(
      `N=${n}, ${command[0]}${values.watch ? " --watch" : ""}, load ${loadavg()[0]?.toFixed(1)}`,
    );
    console.log(`edit → new text ${where}: median ${median(shown).toFixed(0)} ms (${ms(shown)})`);
    console.log(
      `edit → full rebuild done: median ${median(settled).toFixed(0)} ms (${ms(settled)})`,
    );
    console.log(
      `resident: ${firstRss} MiB after the first build, ${residentMiB(child, "VmRSS")} MiB after the edits, peak ${residentMiB(child, "VmHWM")} MiB`,
    );
  } finally {
    child.kill("SIGINT");
  }
}

await main();
