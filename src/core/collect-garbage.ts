import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null = null;

/**
 * Runs a full garbage collection now, for a build that has just let go of its largest structure:
 * the search index builder, once its files are written. It keeps its postings and snippets in
 * array buffers, which V8 does not count as heap growth, so at 100,000 articles about 170 MB of
 * them stayed resident through the listing pages and set the build's peak memory. Node offers no
 * call for this without `--expose-gc`, so the flag is set here, before the first use, and the
 * function taken from a fresh context.
 */
export function collectGarbage(): void {
  if (collect === null) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}
