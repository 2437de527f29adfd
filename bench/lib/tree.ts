import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { basename, join } from "node:path";

/** Counts files under `dir` ending in `suffix`, and how many were modified at or after `sinceMs`. */
export function countFiles(
  dir: string,
  suffix = "",
  sinceMs = 0,
): { total: number; since: number } {
  let total = 0;
  let since = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(suffix)) continue;
    total++;
    if (sinceMs > 0 && statSync(join(entry.parentPath, entry.name)).mtimeMs >= sinceMs) since++;
  }
  return { total, since };
}

let moves = 0;

/**
 * Moves `path` into `trash` by rename. Deleting many files slows file creation on this disk for
 * minutes afterwards, so old outputs are parked and removed only after a whole series.
 */
export function moveAway(path: string, trash: string): void {
  if (!existsSync(path)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(path, join(trash, `${basename(path)}-${process.pid}-${++moves}`));
}

/** True when `path` is an existing folder. */
export function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
