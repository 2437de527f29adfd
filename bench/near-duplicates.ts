/**
 * Time and peak memory of grouping N near-duplicate signatures, all distinct (as almost all of a
 * real corpus are), in this process.
 * Usage: node --expose-gc --import tsx bench/near-duplicates.ts [--n 1000000]
 */
import { parseArgs } from "node:util";
import { groupNearDuplicates, SIGNATURE_SIZE } from "../src/clean/near-duplicates.js";

const { values } = parseArgs({ options: { n: { type: "string", default: "1000000" } } });
const n = Number(values.n);
const items = Array.from({ length: n }, (_, id) => {
  const signature = new Uint32Array(SIGNATURE_SIZE);
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    signature[k] = (Math.imul(id + 1, 2654435761) ^ Math.imul(k + 1, 40503)) >>> 0;
  }
  return { id, signature };
});
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc");
gc();
const before = process.resourceUsage().maxRSS;
const started = performance.now();
const groups = groupNearDuplicates(items);
const seconds = (performance.now() - started) / 1000;
const grown = (process.resourceUsage().maxRSS - before) / 1024;
console.log(
  `${n} signatures, ${groups.length} groups: ${seconds.toFixed(2)} s, peak RSS grew by ${grown.toFixed(0)} MiB`,
);
