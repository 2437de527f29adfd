import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Seconds to wait after the last deletion before a timed run creates many files. The benchmark
 * machine's ext4 disk has no journal, and without one ext4 will not reuse an inode freed in the
 * last five minutes: before each new file it walks over every recently freed inode of the group,
 * reading its deletion time. `bench/disk-settle.ts` measures it: with 20,000 folders of one 7 KB
 * page deleted, creating such pages took 60 µs each before, 218–409 µs from 2 to 300 s after,
 * 135 µs at 330 s and 66 µs at 360 s.
 */
export const SETTLE_SECONDS = 360;

/**
 * Keeps the timed runs that create many files clear of recent deletions. A build that replaces
 * pages (the template edit) leaves their old files to a detached process that deletes them, in a
 * trash folder beside the output; `settle` waits until that folder is gone, then until the
 * deletions are old enough not to slow the run. The time of the last deletion is kept in the
 * file `marker` too, so a benchmark started right after another one's clean-up waits as well.
 */
export interface DiskSettler {
  /** Records that a detached deletion of the trash folder `trash` may be running. */
  deleting(trash: string): void;
  /** Records that a deletion has just ended. */
  deleted(): void;
  /** Resolves once no deletion recorded is running or recent. */
  settle(): Promise<void>;
}

/** Where the time of the last deletion is kept between benchmark runs. */
const MARKER = new URL("../.work/last-deletion", import.meta.url).pathname;

/** Records in `marker` that a deletion has just ended; returns its time. */
export function recordDeletion(marker = MARKER): number {
  const now = Date.now();
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, `${new Date(now).toISOString()}\n`);
  return now;
}

export function createDiskSettler(
  log: (line: string) => void,
  marker = MARKER,
  seconds = SETTLE_SECONDS,
): DiskSettler {
  const pending = new Set<string>();
  let lastDeletion = existsSync(marker) ? statSync(marker).mtimeMs : Number.NEGATIVE_INFINITY;
  const deleted = () => {
    lastDeletion = recordDeletion(marker);
  };
  return {
    deleting(trash) {
      pending.add(trash);
    },
    deleted,
    async settle() {
      for (const trash of pending) {
        if (existsSync(trash)) log(`waiting for the deletion of ${trash}`);
        while (existsSync(trash)) await sleep(1000);
        deleted();
      }
      pending.clear();
      const wait = lastDeletion + seconds * 1000 - Date.now();
      if (wait <= 0) return;
      log(`waiting ${Math.ceil(wait / 1000)} s for the disk to settle after deletions`);
      await sleep(wait);
    },
  };
}
