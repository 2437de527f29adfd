import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What one timed command cost. */
export interface Measurement {
  readonly wallSeconds: number;
  /** User plus system CPU seconds: steadier than wall time on a shared machine. */
  readonly cpuSeconds: number;
  /** Peak resident set size of the largest process in the tree, in MiB. */
  readonly peakRssMiB: number;
  readonly ok: boolean;
  /** The end of stderr when the command failed. */
  readonly error: string;
}

const TIME = "/usr/bin/time";

/** Throws a user-facing error when GNU time, which measures peak RSS, is missing. */
export function requireGnuTime(): void {
  if (!existsSync(TIME)) throw new Error(`${TIME} not found; install it: apt-get install -y time`);
}

/** The number after `label:` in `/usr/bin/time -v` output. */
function field(report: string, label: string): number {
  const line = report.split("\n").find((l) => l.trim().startsWith(label));
  return Number(line?.slice(line.lastIndexOf(":") + 1).trim() ?? Number.NaN);
}

/** Runs `command` under `/usr/bin/time -v`; wall time is taken around the spawn, at ms precision. */
export function measure(command: string, args: readonly string[], cwd: string): Measurement {
  const dir = mkdtempSync(join(tmpdir(), "bench-time-"));
  const report = join(dir, "time.txt");
  const started = performance.now();
  const result = spawnSync(TIME, ["-v", "-o", report, command, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const text = existsSync(report) ? readFileSync(report, "utf8") : "";
  rmSync(dir, { recursive: true, force: true });
  return {
    wallSeconds,
    cpuSeconds: field(text, "User time (seconds)") + field(text, "System time (seconds)"),
    peakRssMiB: field(text, "Maximum resident set size (kbytes)") / 1024,
    ok: result.status === 0,
    error: result.status === 0 ? "" : `${result.stderr ?? ""}`.slice(-2000),
  };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}
