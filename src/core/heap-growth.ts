import { setFlagsFromString } from "node:v8";

/**
 * Input files from which a build keeps its heap's growth limited. Measured on the benchmark's
 * corpora: at 10,000 the peak is 413–432 MiB without the limit (324–335 with it), for 5% less
 * CPU; at 100,000 it is 903–926 MiB without it (758–762 with), too close to 1 GB.
 */
export const LARGE_BUILD = 50_000;

const LIMITED = "--heap-growing-percent=25";
/** V8's default: a factor of its own choosing. */
const FREE = "--heap-growing-percent=0";
/** Whether the limit is in force: set by the executable, lifted for a small build. */
let limited = false;

/**
 * Lets V8's old generation grow by a quarter of what survived its last full collection before it
 * collects again, instead of by up to four times that. A large build holds a heap of gigabytes
 * for minutes (the archive, the manifest, the page keys) while it makes short-lived data at a
 * high rate, and V8's own choice let that data pile up beside it: at 1,000,000 articles the main
 * heap grew by 1 GB during the listing pages alone. With the limit the peak of that build fell
 * from 3,886 to 3,572 MiB. The flag is process-wide, so the executable sets it, not the library,
 * before the heap grows.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(LIMITED);
  limited = true;
}

/**
 * Lifts the limit for a build of fewer than {@link LARGE_BUILD} inputs: it costs 5–7% more CPU
 * (more full collections) at any size, which a small build need not pay. V8 reads the flag each
 * time it sets the heap's next limit, and 0 is its default: a factor of its own choosing.
 */
export function fitHeapGrowthTo(inputs: number): void {
  if (inputs >= LARGE_BUILD) return;
  setFlagsFromString(FREE);
  limited = false;
}

/**
 * Runs `load` with the limit lifted, then sets it again. Loading the last build's cache
 * makes a heap of hundreds of megabytes that all survives, where each full collection the
 * limit forces is wasted: at 100,000 articles they took 1.8 of the 5.6 s the load took.
 */
export async function withHeapGrowthFree<T>(load: () => Promise<T>): Promise<T> {
  if (!limited) return load();
  setFlagsFromString(FREE);
  try {
    return await load();
  } finally {
    setFlagsFromString(LIMITED);
  }
}
