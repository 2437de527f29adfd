import { sep } from "node:path";

/** Whether absolute `path` is the folder `dir` or lies under it. */
export function isInside(dir: string, path: string): boolean {
  return path === dir || path.startsWith(dir + sep);
}
