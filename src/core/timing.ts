import { debuglog } from "node:util";

const log = debuglog("broadsheet");

/**
 * Logs how long each phase of a build took, with the main thread's heap (used and reserved), its
 * array buffers and the process's resident memory after it, when `NODE_DEBUG=broadsheet` is set:
 * the benchmark and anyone profiling a slow or large build read where time and memory go without
 * a profiler.
 */
export function createPhaseTimer(): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    if (log.enabled) {
      const { heapUsed, heapTotal, arrayBuffers, rss } = process.memoryUsage();
      log(
        "%s %sms (heap %s of %s MB, buffers %s MB, rss %s MB)",
        phase,
        (now - last).toFixed(0),
        mb(heapUsed),
        mb(heapTotal),
        mb(arrayBuffers),
        mb(rss),
      );
    }
    last = now;
  };
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}
