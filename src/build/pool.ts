import { Piscina } from "piscina";
import { reviveBuildError } from "../core/errors.js";
import type { ReadAhead } from "../load/read-ahead.js";
import type { PageSpec, SiteContext } from "../render/pages/common.js";
import { changedOutputs, type RecordedFile, type Staging } from "../write/output.js";
import type { SpoolRef } from "./spool.js";
import {
  analyzeArticles,
  type Cleaned,
  type CleanMode,
  cleanFiles,
  type LearnedBatch,
  learnFiles,
  type Rendered,
  type RenderedPage,
  type RenderItem,
  renderArticles,
  renderPages,
  type SearchPart,
  type TaskFile,
  type TemplateSource,
} from "./tasks.js";

/** Runs the per-file stages, in worker threads or in this thread. */
export interface TaskRunner {
  /** See {@link learnFiles}. */
  learn(
    files: readonly TaskFile[],
    ahead: ReadAhead | null,
    spool: string | null,
  ): Promise<LearnedBatch>;
  /** See {@link cleanFiles}. */
  clean(
    files: readonly TaskFile[],
    mode: CleanMode,
    spool: string | null,
    parsed: readonly (SpoolRef | null)[],
  ): Promise<Cleaned[]>;
  render(
    items: readonly RenderItem[],
    mode: CleanMode,
    site: SiteContext,
    templates: TemplateSource,
    staging: Staging | null,
  ): Promise<Rendered[]>;
  analyze(items: readonly RenderItem[], mode: CleanMode): Promise<SearchPart[]>;
  pages(
    specs: readonly PageSpec[],
    templates: TemplateSource,
    staging: Staging | null,
    previous: readonly (string | null)[],
  ): Promise<RenderedPage[]>;
  /** See {@link changedOutputs}. */
  changedOutputs(out: string, files: readonly RecordedFile[]): Promise<string[]>;
  close(): Promise<void>;
}

const WORKER_URL = new URL("./worker.js", import.meta.url);

/**
 * A pool of `workers` threads; with one worker, or when running from TypeScript sources (tests),
 * the stages run in this thread. Results come back in input order either way, so the output is
 * the same whatever the number of workers. Idle threads stop unless `keepWarm`: a build's
 * phases that only the main thread works in then run without the workers' heaps, while a dev
 * server keeps its threads for the next edit, which a thread started anew would delay.
 */
export function createRunner(workers: number, keepWarm = false): TaskRunner {
  const inProcess = workers <= 1 || import.meta.url.endsWith(".ts");
  if (inProcess) {
    return {
      learn: learnFiles,
      clean: cleanFiles,
      render: renderArticles,
      analyze: analyzeArticles,
      pages: async (specs, templates, staging, previous) =>
        renderPages(specs, templates, staging, previous),
      changedOutputs: async (out, files) => changedOutputs(out, files),
      close: async () => undefined,
    };
  }
  const pool = new Piscina({
    filename: WORKER_URL.href,
    minThreads: keepWarm ? workers : 0,
    maxThreads: workers,
    idleTimeout: 1000,
    // Two tasks queued at each worker: the next is there when one ends, not a round trip through
    // the main thread later, which shares the cores with the workers and is often descheduled.
    concurrentTasksPerWorker: 2,
    // Young generations of 24 MB, smaller than V8's default: the threads' heaps stay smaller at
    // the same speed (8 MB saved more memory at 100,000 articles but cost 12% more time).
    resourceLimits: { maxYoungGenerationSizeMb: 24 },
  });
  const run = <R>(args: unknown, name: string, transferList?: ArrayBuffer[]): Promise<R> =>
    pool.run(args, { name, transferList }).catch((error: unknown) => {
      throw reviveBuildError(error);
    });
  return {
    learn: (files, ahead, spool) =>
      // The bytes move to the worker: the main thread never touches them again.
      run(
        { files, ahead, spool },
        "learn",
        ahead === null ? [] : [ahead.bytes.buffer as ArrayBuffer],
      ),
    clean: (files, mode, spool, parsed) => run({ files, mode, spool, parsed }, "clean"),
    render: (items, mode, site, templates, staging) =>
      run({ items, mode, site, templates, staging }, "render"),
    analyze: (items, mode) => run({ items, mode }, "analyze"),
    pages: (specs, templates, staging, previous) =>
      run({ specs, templates, staging, previous }, "pages"),
    changedOutputs: (out, files) => run({ out, files }, "outputs"),
    close: () => pool.destroy(),
  };
}

/**
 * Splits work into batches, runs up to `parallel` at once, and yields results in input order.
 * Items are pulled from the iterable only as batches are launched, so a generator of pages is
 * never held whole in memory.
 */
export async function* inBatches<T, R>(
  items: Iterable<T>,
  size: number,
  parallel: number,
  run: (batch: readonly T[]) => Promise<R[]>,
): AsyncGenerator<R[]> {
  const source = items[Symbol.iterator]();
  const pending: Promise<R[]>[] = [];
  const launch = () => {
    const batch: T[] = [];
    for (let next = source.next(); !next.done; next = source.next()) {
      batch.push(next.value);
      if (batch.length === size) break;
    }
    if (batch.length === 0) return;
    const result = run(batch);
    // Awaited in order below; until then a failure must not count as unhandled.
    result.catch(() => undefined);
    pending.push(result);
  };
  for (let i = 0; i < parallel; i++) launch();
  while (pending.length > 0) {
    const head = pending.shift();
    if (head === undefined) break;
    const result = await head;
    launch();
    yield result;
  }
}
