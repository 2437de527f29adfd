/**
 * Deterministic synthetic corpus in the seed layout, for benchmarks.
 * Usage: npx tsx bench/generate.ts --n 10000 --out bench/.work/corpus-10000 [--seed 1]
 */
import { mkdir, rename } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { articleText, type CorpusSpec, fileName } from "./lib/article.js";
import { AuthorPool } from "./lib/authors.js";
import { isDirectory } from "./lib/tree.js";
import { WriteQueue } from "./lib/write-queue.js";

/** Settings of one generated corpus. */
export interface GenerateOptions {
  readonly n: number;
  readonly out: string;
  readonly seed?: number;
  /** Progress lines on stderr. */
  readonly verbose?: boolean;
}

/**
 * Writes `n` article files into `out`, streaming with a bounded number of writes in flight.
 * Files go to `<out>.partial` first and the folder is renamed when complete, so an
 * interrupted run never leaves a folder that looks finished.
 */
export async function generateCorpus(options: GenerateOptions): Promise<void> {
  const spec: CorpusSpec = {
    n: options.n,
    seed: options.seed ?? 1,
    pool: new AuthorPool(options.n, options.seed ?? 1),
  };
  const partial = `${options.out}.partial`;
  await mkdir(partial, { recursive: true });
  const queue = new WriteQueue();
  const started = performance.now();
  for (let i = 0; i < spec.n; i++) {
    await queue.add(join(partial, fileName(spec, i)), articleText(spec, i));
    if (options.verbose && i > 0 && i % 100_000 === 0) {
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`generate: ${i} files in ${seconds.toFixed(1)} s\n`);
    }
  }
  await queue.flush();
  await rename(partial, options.out);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: "string" },
      out: { type: "string" },
      seed: { type: "string", default: "1" },
    },
  });
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1 || !values.out) {
    process.stderr.write("usage: npx tsx bench/generate.ts --n 10000 --out <folder> [--seed 1]\n");
    process.exitCode = 2;
    return;
  }
  if (isDirectory(values.out)) {
    process.stderr.write(`generate: ${values.out} already exists; move it away to regenerate\n`);
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  await generateCorpus({ n, out: values.out, seed: Number(values.seed), verbose: true });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`generate: ${n} files in ${values.out} in ${seconds.toFixed(1)} s\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
