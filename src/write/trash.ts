import { spawn } from "node:child_process";
import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where a commit puts the files it replaces or removes instead of deleting them on the spot:
 * freeing a file's blocks took 300–400 µs per page on an ext4 disk mounted with `discard`, as
 * cloud disks often are, so replacing 100,000 pages spent 36 s in `unlink` against 3 s in
 * `rename`. The trash, a folder beside the output (so on its file system), is emptied once the
 * commit is done: by a detached process of low priority after a one-shot build, as
 * `git gc --auto` does its work, so the build ends as soon as the new site is in place; in the
 * background of a long-running process otherwise (see {@link Deletions}).
 */
export interface Trash {
  /** Moves a file or folder out of the way; deletes it at once when it cannot be moved. */
  discard(target: string): void;
  /** Starts emptying what this trash took, when it took anything. */
  empty(): void;
}

/** Deletions a long-running process runs in the background, to wait for before it exits. */
export class Deletions {
  private readonly running = new Set<Promise<void>>();

  track(deletion: Promise<void>): void {
    const done = deletion.finally(() => this.running.delete(done));
    this.running.add(done);
  }

  /** Resolves once every deletion tracked, including those started meanwhile, is done. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}

/**
 * How a trash is emptied: by a detached process, or in this one without blocking it, tracked by
 * the `Deletions` given.
 */
export type Emptying = "detached" | Deletions;

/** The trash of the output folder `out`, beside it. */
export function trashFor(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.trash`);
}

const EMPTIER = fileURLToPath(new URL("./empty-trash.js", import.meta.url));

let opened = 0;

/** Opens the trash at `root` for one build, in a folder of its own. */
export function openTrash(root: string, how: Emptying = "detached"): Trash {
  const folder = path.join(root, `${process.pid}-${Date.now()}-${++opened}`);
  let made = false;
  let count = 0;
  return {
    discard(target) {
      try {
        renameSync(target, path.join(folder, String(count)));
        count++;
        return;
      } catch {
        // The folder is made by the first discard of a file that is there.
      }
      if (lstatSync(target, { throwIfNoEntry: false }) === undefined) return;
      try {
        mkdirSync(folder, { recursive: true });
        made = true;
        renameSync(target, path.join(folder, String(count)));
        count++;
      } catch {
        // The trash is not on the output's file system.
        rmSync(target, { recursive: true, force: true });
      }
    },
    empty() {
      if (!made) return;
      if (how !== "detached") {
        how.track(
          rm(folder, { recursive: true, force: true })
            .then(() => rmdir(root))
            // Not empty: another commit is filling it.
            .catch(() => undefined),
        );
      } else if (import.meta.url.endsWith(".ts")) {
        // Run from TypeScript sources (the tests) there is no compiled emptier to start.
        rmSync(folder, { recursive: true, force: true });
        removeIfEmpty(root);
      } else {
        spawn(process.execPath, [EMPTIER, root], { detached: true, stdio: "ignore" }).unref();
      }
    },
  };
}

/**
 * Deletes every build's folder in the trash, then the trash if it is empty. Folders a build
 * creates meanwhile are left to the emptier that build starts.
 */
export function emptyTrash(root: string): void {
  let folders: string[];
  try {
    folders = readdirSync(root);
  } catch {
    return;
  }
  for (const name of folders) rmSync(path.join(root, name), { recursive: true, force: true });
  removeIfEmpty(root);
}

function removeIfEmpty(root: string): void {
  try {
    rmdirSync(root);
  } catch {
    // Not empty: a commit has started filling it again.
  }
}
