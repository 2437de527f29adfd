import { randomUUID } from "node:crypto";
import { readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { BuildError } from "../core/errors.js";

/** The file that says a build is writing an output folder, in that folder's cache folder. */
export const LOCK_FILE = "build.lock";

/** How often a holder touches its lock, for builds on other machines to see it is alive. */
export const REFRESH_MS = 60_000;
/**
 * How long since its last touch another machine's lock is taken for stale: its process cannot
 * be checked from here (a container's host name changes with every run, so a lock cached with
 * the output folder would otherwise block every later build), and a live holder touches it
 * ten times over, however busy its main thread.
 */
export const FOREIGN_STALE_MS = 10 * REFRESH_MS;

/** A held lock on one output folder. */
export interface OutputLock {
  readonly file: string;
  /** Gives the lock up; a second call does nothing. */
  release(): void;
}

/** What a lock file holds: enough to tell whether its holder still runs. */
interface Holder {
  readonly pid: number;
  readonly host: string;
  /** The holder's start time in clock ticks since boot (Linux), against a reused pid. */
  readonly start: string | null;
  readonly token: string;
  readonly since: string;
  readonly command: string;
}

/**
 * Takes the lock on an output folder for one build, or a dev server's series of them. Two
 * builds into one folder would share its staging folder, cache and spool, and each undo the
 * other's work; the second is refused, naming the first. A lock whose holder no longer runs (a
 * killed build) is taken over.
 *
 * Written here rather than with a lock library: those tell a live holder only by a file time it
 * refreshes every few seconds, which a main thread busy for longer at a million articles would
 * miss, and a live build would lose its lock; a process id, checked against its start time,
 * tells it exactly on one machine, and the file time, with minutes to spare, on another.
 */
export async function lockOutput(
  cacheDir: string,
  out: string,
  command: string,
): Promise<OutputLock> {
  await mkdir(cacheDir, { recursive: true });
  const file = path.join(cacheDir, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    start: startTime(process.pid),
    token: randomUUID(),
    since: new Date().toISOString(),
    command,
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: "wx" });
      return held(file, me.token);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(file);
    if (holder !== null && holderRuns(holder, file)) {
      throw new BuildError(
        `Another Broadsheet ${holder.command} (process ${holder.pid} on ${holder.host}, since ${holder.since}) is writing ${out}. Wait for it to finish or stop it, or build into another folder with --out; if no such build runs, delete ${file}.`,
      );
    }
    if (holder === null && justWritten(file)) {
      // Its holder is between creating the file and writing it.
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    // A stale lock, or one cut off while being written long ago. Two builds that both found it
    // stale at the same instant could both go on; a killed build is rare enough not to guard that.
    rmSync(file, { force: true });
  }
  throw new BuildError(
    `Could not lock ${out} for this build: ${file} kept reappearing. Another build may be starting; try again.`,
  );
}

function held(file: string, token: string): OutputLock {
  let released = false;
  const touch = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      // Gone or unwritable: the next build decides what it is worth, as it would without a touch.
    }
  }, REFRESH_MS);
  // The touches must not keep a finished process alive.
  touch.unref();
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(touch);
    process.removeListener("exit", release);
    // Another process may have taken over a lock it wrongly thought stale: leave its lock alone.
    if (readHolder(file)?.token !== token) return;
    try {
      unlinkSync(file);
    } catch {
      // Already gone: nothing to give up.
    }
  };
  // A build stopped by an error the CLI reports still exits through here.
  process.once("exit", release);
  return { file, release };
}

function justWritten(file: string): boolean {
  return !untouchedFor(file, 2000);
}

function untouchedFor(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs >= ms;
  } catch {
    return true;
  }
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as Partial<Holder>;
    if (typeof holder.pid !== "number" || typeof holder.host !== "string") return null;
    return holder as Holder;
  } catch {
    return null;
  }
}

function holderRuns(holder: Holder, file: string): boolean {
  if (holder.host !== hostname()) return !untouchedFor(file, FOREIGN_STALE_MS);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process runs, as another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = startTime(holder.pid);
  return holder.start === null || start === null || start === holder.start;
}

/** A process's start time from `/proc` (field 22 of its stat line), or null off Linux. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name, field 2, is in parentheses and may hold spaces: count after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}
