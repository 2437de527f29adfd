import { debuglog } from "node:util";

const log = debuglog("broadsheet");

/**
 * Logs how long each phase of a build took, when `NODE_DEBUG=broadsheet` is set: the benchmark
 * and anyone profiling a slow build read where the time goes without a profiler.
 */
export function createPhaseTimer(): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    log("%s %sms", phase, (now - last).toFixed(0));
    last = now;
  };
}
