import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

const CORE = readFileSync(
  new URL("../../templates/assets/search-core.js", import.meta.url),
  "utf8",
);

/** Result count shown per page, so latency includes loading their stored fields. */
export const TOP = 10;

// biome-ignore lint/suspicious/noExplicitAny: the browser script's engine is untyped JS.
type Engine = any;

function freshEngine(dir: string): { engine: Engine; loaded: { bytes: number } } {
  const context = vm.createContext({ setTimeout });
  vm.runInContext(CORE, context);
  const loaded = { bytes: 0 };
  const engine = context.BroadsheetSearch.createEngine("search/index/", (url: string) => {
    const text = readFileSync(join(dir, url.split("?")[0] ?? url), "utf8");
    loaded.bytes += Buffer.byteLength(text);
    vm.runInContext(text, context);
  });
  return { engine, loaded };
}

async function answer(engine: Engine, q: string): Promise<number> {
  const { ords } = await engine.search({ q });
  await engine.docs(Array.from(ords.slice(0, TOP)));
  return ords.length;
}

/**
 * Per query, a cold run (fresh context: reads and evaluates the files it needs) and a warm
 * rerun; returns the most bytes any query loaded and mean latencies.
 */
export async function nodeBroadsheet(
  dir: string,
  queries: readonly string[],
): Promise<{ bytes: number; coldMs: number; warmMs: number }> {
  let bytes = 0;
  let cold = 0;
  let warm = 0;
  for (const q of queries) {
    const { engine, loaded } = freshEngine(dir);
    const t0 = performance.now();
    await answer(engine, q);
    const t1 = performance.now();
    await answer(engine, q);
    warm += performance.now() - t1;
    cold += t1 - t0;
    bytes = Math.max(bytes, loaded.bytes);
  }
  return { bytes, coldMs: cold / queries.length, warmMs: warm / queries.length };
}
