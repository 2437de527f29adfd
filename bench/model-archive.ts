/**
 * Time of modelling the archive (`buildArchive`) from the cleaned records of one build cache, in
 * this process, with a compiled Broadsheet; median of `--runs` after one untimed run.
 * Usage: npx tsx bench/model-archive.ts --cache bench/.work/.broadsheet-cache/<site>
 *   [--product <dir>] [--runs 5]
 * where `<dir>` holds a compiled `build/` (default: this checkout's).
 */
import { parseArgs } from "node:util";
import { CHECKOUT, compiledCacheLoader, compiledModule } from "./lib/compiled-cache.js";

const { values } = parseArgs({
  options: {
    cache: { type: "string" },
    product: { type: "string", default: CHECKOUT },
    runs: { type: "string", default: "5" },
  },
});
if (values.cache === undefined) {
  process.stderr.write(
    "usage: npx tsx bench/model-archive.ts --cache <dir> [--product <dir>] [--runs N]\n",
  );
  process.exit(2);
}
const { buildArchive } = (await compiledModule(values.product, "model/archive.js")) as {
  buildArchive: (
    records: readonly unknown[],
    options: { includeSuspect: boolean; nearDuplicates: readonly (readonly number[])[] },
  ) => { archive: { entries: readonly unknown[] } };
};
const cache = await (await compiledCacheLoader(values.product))(values.cache);
const records = [...cache.cleans.values()].map((c) => c.record);
const options = { includeSuspect: false, nearDuplicates: [] };
buildArchive(records, options);
const times: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const started = performance.now();
  buildArchive(records, options);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
process.stdout.write(
  `${records.length} records: buildArchive median ${median.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(", ")})\n`,
);
