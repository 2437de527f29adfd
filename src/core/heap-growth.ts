import { setFlagsFromString } from "node:v8";

/**
 * Input files from which a build limits its heap's growth. Measured on the benchmark's corpora:
 * at 10,000 the peak is 413–432 MiB without the limit (324–335 with it), for 5% less CPU; at
 * 100,000 it is 903–926 MiB without it (758–762 with), too close to 1 GB.
 */
export const LARGE_BUILD = 50_000;

/**
 * Lets V8's old generation grow by a quarter of what survived its last full collection before it
 * collects again, instead of by up to four times that, for a build of `inputs` files from
 * {@link LARGE_BUILD} on. A large build holds a heap of gigabytes for minutes (the archive, the
 * manifest, the page keys) while it makes short-lived data at a high rate, and V8's own choice let
 * that data pile up beside it: at 1,000,000 articles the main heap grew by 1 GB during the listing
 * pages alone. With the limit the peak of that build fell from 3,886 to 3,572 MiB; it costs 5–7%
 * more CPU at any size (more full collections), which a small build need not pay. V8 reads
 * the flag whenever it sets the next limit, so it takes effect once the inputs are counted, before
 * the heap grows; it is process-wide, so the executable sets it, not the library.
 */
export function limitHeapGrowthFor(inputs: number): void {
  if (inputs >= LARGE_BUILD) setFlagsFromString("--heap-growing-percent=25");
}
