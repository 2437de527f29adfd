import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null = null;

/**
 * Runs a full garbage collection now, for a build that has just let go of a large structure: what
 * analysis learned (once saved to the cache), the search index builder (once its files are
 * written), what rendering left (before the commit). V8 would collect it later, after growing the
 * heap to hold the next phase's allocations as well, and at 100,000 articles those moments set the
 * build's peak memory. The search builder keeps its postings and snippets in array buffers, which
 * V8 does not even count as heap growth: about 170 MB of them stayed resident through the listing
 * pages. Node offers no call for this without `--expose-gc`, so the flag is set here, before the
 * first use, and the function taken from a fresh context.
 */
export function collectGarbage(): void {
  if (collect === null) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}
