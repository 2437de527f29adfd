import { statSync } from "node:fs";

/** Size and modification time of an input file; -1 when it cannot be read. */
export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
}

/** Size and modification time of a file; -1 when it cannot be read, so it is parsed (and reported). */
export function statOf(file: { readonly absolute: string }): FileStat {
  const info = statSync(file.absolute, { throwIfNoEntry: false });
  return { size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? -1 };
}

/** {@link statOf} of each file, for a batch run in a worker thread. */
export function statFiles(files: readonly { readonly absolute: string }[]): FileStat[] {
  return files.map(statOf);
}
