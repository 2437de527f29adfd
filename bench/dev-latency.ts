/**
 * Dev server latency: from saving an edited article to its new text being served after the live
 * reload event, through the real `broadsheet dev` process over HTTP. Never part of the tests.
 * Usage: npx tsx bench/dev-latency.ts [--n 10000] [--edits 7]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { n: { type: "string", default: "10000" }, edits: { type: "string", default: "7" } },
  });
  const n = Number(values.n);
  const corpus = join(WORK, `corpus-${n}`);
  if (!isDirectory(corpus)) await generateCorpus({ n, out: corpus, verbose: true });
  const run = join(WORK, `dev-${n}`);
  moveAway(run, join(WORK, "trash"));
  const out = join(run, "site");
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(ROOT, "bin/broadsheet.js"), "dev", corpus, "--out", out, "--port", "18500"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const url = await serverUrl(child);
    process.stderr.write(
      `dev: first build and serve ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const rows = readFileSync(join(out, "articles.ndjson"), "utf8").trim().split("\n");
    const names = readdirSync(corpus).sort();
    const name = names[Math.floor(names.length / 2)] ?? "";
    const file = join(corpus, name);
    const row = rows
      .map((r) => JSON.parse(r) as { file: string; path: string })
      .find((r) => r.file.endsWith(name));
    if (!row) throw new Error(`no page for ${name}`);
    const original = readFileSync(file);
    let waiting: ((id: number) => void) | null = null;
    const events = await listen(url, (id) => waiting?.(id));
    const reload: number[] = [];
    const settled: number[] = [];
    try {
      for (let k = 0; k < Number(values.edits); k++) {
        await new Promise((r) => setTimeout(r, 1500));
        const marker = `Edited paragraph ${k} ${Date.now()}.`;
        const t0 = performance.now();
        const shown = new Promise<number>((resolve) => {
          waiting = async () => {
            const page = await (await fetch(new URL(row.path, url))).text();
            if (page.includes(marker)) resolve(performance.now() - t0);
          };
        });
        writeFileSync(file, `${original.toString()}\n${marker}\n`);
        reload.push(await shown);
        // The rebuild that follows the early page: wait until the server is idle again.
        const idle = new Promise<number>((resolve) => {
          waiting = () => resolve(performance.now() - t0);
        });
        settled.push(
          await Promise.race([
            idle,
            // Unreferenced, so the script can exit once it has printed.
            new Promise<number>((r) => setTimeout(() => r(Number.NaN), 900_000).unref()),
          ]),
        );
        waiting = null;
      }
    } finally {
      events.abort();
      writeFileSync(file, original);
    }
    const ms = (v: readonly number[]) => v.map((x) => x.toFixed(0)).join(", ");
    console.log(`N=${n}, load ${loadavg()[0]?.toFixed(1)}`);
    console.log(
      `edit → new text served after the reload event: median ${median(reload).toFixed(0)} ms (${ms(reload)})`,
    );
    console.log(
      `edit → full rebuild announced: median ${median(settled).toFixed(0)} ms (${ms(settled)})`,
    );
  } finally {
    child.kill("SIGINT");
  }
}

await main();
