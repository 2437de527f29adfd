/**
 * Time and CPU of loading one build cache, in this process, with a compiled Broadsheet.
 * Usage: npx tsx bench/cache-load.ts --cache bench/.work/.broadsheet-cache/<site> [--product <dir>]
 * where `<dir>` holds a compiled `build/` (default: this checkout's).
 */
import { parseArgs } from "node:util";
import { CHECKOUT, compiledCacheLoader } from "./lib/compiled-cache.js";

const { values } = parseArgs({
  options: {
    cache: { type: "string" },
    product: { type: "string", default: CHECKOUT },
  },
});
if (values.cache === undefined) {
  process.stderr.write("usage: npx tsx bench/cache-load.ts --cache <dir> [--product <dir>]\n");
  process.exit(2);
}
const loadCache = await compiledCacheLoader(values.product);
const started = performance.now();
const cache = await loadCache(values.cache);
const wall = performance.now() - started;
const { user, system } = process.cpuUsage();
process.stdout.write(
  `${cache.cleans.size} cleaned records: ${wall.toFixed(0)} ms, CPU ${((user + system) / 1000).toFixed(0)} ms since start\n`,
);
