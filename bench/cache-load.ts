/**
 * Time and CPU of loading one build cache, in this process, with a compiled Broadsheet.
 * Usage: npx tsx bench/cache-load.ts --cache bench/.work/.broadsheet-cache/<site> [--product <dir>]
 * where `<dir>` holds a compiled `build/` (default: this checkout's).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    cache: { type: "string" },
    product: { type: "string", default: new URL("..", import.meta.url).pathname },
  },
});
if (values.cache === undefined) {
  process.stderr.write("usage: npx tsx bench/cache-load.ts --cache <dir> [--product <dir>]\n");
  process.exit(2);
}
const compiled = (module: string) => pathToFileURL(join(values.product, "build", "build", module));
const { loadCache } = (await import(compiled("cache-store.js").href)) as {
  loadCache: (dir: string, stamp: string) => Promise<{ cleans: Map<string, unknown> }>;
};
const { GENERATOR_STAMP } = (await import(compiled("session.js").href)) as {
  GENERATOR_STAMP: string;
};
const started = performance.now();
const cache = await loadCache(values.cache, GENERATOR_STAMP);
const wall = performance.now() - started;
const { user, system } = process.cpuUsage();
process.stdout.write(
  `${cache.cleans.size} cleaned records: ${wall.toFixed(0)} ms, CPU ${((user + system) / 1000).toFixed(0)} ms since start\n`,
);
