import { Piscina } from "piscina";
import type { SiteContext } from "../render/pages/common.js";
import type { AnalyzedDoc } from "../render/search/analyze.js";
import {
  analyzeArticles,
  type Cleaned,
  type CleanMode,
  cleanFiles,
  type Learned,
  learnFiles,
  type Rendered,
  type RenderItem,
  renderArticles,
  type TaskFile,
  type TemplateSource,
} from "./tasks.js";

/** Runs the per-file stages, in worker threads or in this thread. */
export interface TaskRunner {
  learn(files: readonly TaskFile[]): Promise<Learned[]>;
  clean(files: readonly TaskFile[], mode: CleanMode): Promise<Cleaned[]>;
  render(
    items: readonly RenderItem[],
    mode: CleanMode,
    site: SiteContext,
    templates: TemplateSource,
  ): Promise<Rendered[]>;
  analyze(items: readonly RenderItem[], mode: CleanMode): Promise<AnalyzedDoc[]>;
  close(): Promise<void>;
}

const WORKER_URL = new URL("./worker.js", import.meta.url);

/**
 * A pool of `workers` threads; with one worker, or when running from TypeScript sources (tests),
 * the stages run in this thread. Results come back in input order either way, so the output is
 * the same whatever the number of workers.
 */
export function createRunner(workers: number): TaskRunner {
  const inProcess = workers <= 1 || import.meta.url.endsWith(".ts");
  if (inProcess) {
    return {
      learn: learnFiles,
      clean: cleanFiles,
      render: renderArticles,
      analyze: analyzeArticles,
      close: async () => undefined,
    };
  }
  const pool = new Piscina({
    filename: WORKER_URL.href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  return {
    learn: (files) => pool.run(files, { name: "learn" }),
    clean: (files, mode) => pool.run({ files, mode }, { name: "clean" }),
    render: (items, mode, site, templates) =>
      pool.run({ items, mode, site, templates }, { name: "render" }),
    analyze: (items, mode) => pool.run({ items, mode }, { name: "analyze" }),
    close: () => pool.destroy(),
  };
}

/** Splits work into batches, runs up to `parallel` at once, and yields results in input order. */
export async function* inBatches<T, R>(
  items: readonly T[],
  size: number,
  parallel: number,
  run: (batch: readonly T[]) => Promise<R[]>,
): AsyncGenerator<R[]> {
  const pending: Promise<R[]>[] = [];
  let next = 0;
  const launch = () => {
    if (next >= items.length) return;
    pending.push(run(items.slice(next, next + size)));
    next += size;
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
