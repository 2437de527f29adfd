import { debuglog } from "node:util";

const log = debuglog("broadsheet");

/**
 * Logs how long each phase of a build took, with the main thread's heap and the process's
 * resident memory after it, when `NODE_DEBUG=broadsheet` is set: the benchmark and anyone
 * profiling a slow or large build read where time and memory go without a profiler.
 */
export function createPhaseTimer(): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    if (log.enabled) {
      const heap = mb(process.memoryUsage().heapUsed);
      log(
        "%s %sms (heap %s MB, rss %s MB)",
        phase,
        (now - last).toFixed(0),
        heap,
        mb(process.memoryUsage.rss()),
      );
    }
    last = now;
  };
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}
