import { existsSync } from "node:fs";
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
 * deletions are old enough not to slow the run.
 */
export interface DiskSettler {
  /** Records that a detached deletion of the trash folder `trash` may be running. */
  deleting(trash: string): void;
  /** Resolves once no deletion recorded is running or recent. */
  settle(): Promise<void>;
}

export function createDiskSettler(
  log: (line: string) => void,
  seconds = SETTLE_SECONDS,
): DiskSettler {
  const pending = new Set<string>();
  let lastDeletion = Number.NEGATIVE_INFINITY;
  return {
    deleting(trash) {
      pending.add(trash);
    },
    async settle() {
      for (const trash of pending) {
        if (existsSync(trash)) log(`waiting for the deletion of ${trash}`);
        while (existsSync(trash)) await sleep(1000);
        lastDeletion = Date.now();
      }
      pending.clear();
      const wait = lastDeletion + seconds * 1000 - Date.now();
      if (wait <= 0) return;
      log(`waiting ${Math.ceil(wait / 1000)} s for the disk to settle after deletions`);
      await sleep(wait);
    },
  };
}
