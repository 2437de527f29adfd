import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { setPriority } from "node:os";
import path from "node:path";

/**
 * Where a commit puts the files it replaces or removes instead of deleting them on the spot:
 * freeing a file's blocks took 300–400 µs per page on an ext4 disk mounted with `discard`, as
 * cloud disks often are, so replacing 100,000 pages spent 36 s in `unlink` against 3 s in
 * `rename`. The trash, a folder beside the output (so on its file system), is emptied after the
 * commit by a detached process of low priority, as `git gc --auto` does its work: the new site is
 * in place as soon as the renames are done.
 */
export interface Trash {
  /** Moves a file or folder out of the way; deletes it at once when it cannot be moved. */
  discard(target: string): void;
  /** Starts emptying the trash in the background, when anything was discarded. */
  empty(): void;
}

/** The trash of the output folder `out`, beside it. */
export function trashFor(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.trash`);
}

const EMPTIER = new URL("./empty-trash.js", import.meta.url);

/** Opens the trash at `root` for one commit, in a folder of its own. */
export function openTrash(root: string): Trash {
  const folder = path.join(root, `${process.pid}-${Date.now()}`);
  let count = 0;
  return {
    discard(target) {
      try {
        if (count === 0) mkdirSync(folder, { recursive: true });
        renameSync(target, path.join(folder, String(count)));
        count++;
      } catch {
        // Gone already, or the trash is not on the output's file system.
        rmSync(target, { recursive: true, force: true });
      }
    },
    empty() {
      if (count === 0) return;
      // Run from TypeScript sources (the tests), there is no compiled emptier to start.
      if (import.meta.url.endsWith(".ts")) {
        emptyTrash(root);
        return;
      }
      const child = spawn(process.execPath, [EMPTIER.pathname, root], {
        detached: true,
        stdio: "ignore",
      });
      child.unref();
    },
  };
}

/**
 * Deletes every commit's folder in the trash, then the trash if it is empty. Folders a commit
 * creates meanwhile are left to the emptier that commit starts.
 */
export function emptyTrash(root: string, lowPriority = false): void {
  if (lowPriority) setPriority(19);
  let folders: string[];
  try {
    folders = readdirSync(root);
  } catch {
    return;
  }
  for (const name of folders) rmSync(path.join(root, name), { recursive: true, force: true });
  try {
    rmdirSync(root);
  } catch {
    // Not empty: a commit has started filling it again.
  }
}
