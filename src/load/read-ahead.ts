import { close, open, read } from "node:fs";

/** A batch of files read by the main thread for the worker that parses them. */
export interface ReadAhead {
  /** The files' bytes, back to back, in one buffer that moves to the worker without a copy. */
  readonly bytes: Uint8Array;
  /** Per file: where its bytes start in `bytes`, or -1 when the worker must read it itself. */
  readonly starts: Int32Array;
  /** Per file: where its bytes end. */
  readonly ends: Int32Array;
}

/** Bytes read ahead for one batch at most; files past it are left to the worker. */
const MAX_AHEAD = 64 * 1024 * 1024;

/** A file to read and the size it had when found. */
export interface SizedFile {
  readonly absolute: string;
  /** -1 when the file could not be stat'ed. */
  readonly size: number;
}

/**
 * Reads a batch of files at once, each into its place in one buffer. A worker reads one file at
 * a time with synchronous calls; on a corpus that is not in the page cache that left the workers
 * waiting on the disk half the time, and sixteen reads at once took half as long per file as one.
 * A file that cannot be read, or whose size is not the size it was found with (it changed since),
 * is left for the worker, which reads it again and reports what is wrong.
 */
export async function readAhead(files: readonly SizedFile[]): Promise<ReadAhead> {
  const starts = new Int32Array(files.length).fill(-1);
  const ends = new Int32Array(files.length);
  // Each file's place in the buffer, or -1; one spare byte per file, so a read that fills it
  // shows the file grew since it was found.
  let total = 0;
  const places = files.map((file) => {
    if (file.size < 0 || total + file.size + 1 > MAX_AHEAD) return -1;
    const place = total;
    total += file.size + 1;
    return place;
  });
  const bytes = new Uint8Array(total);
  await Promise.all(
    files.map((file, i) => {
      const start = places[i] ?? -1;
      if (start < 0) return undefined;
      return readInto(file.absolute, bytes, start, file.size + 1).then((read) => {
        if (read !== file.size) return;
        starts[i] = start;
        ends[i] = start + read;
      });
    }),
  );
  return { bytes, starts, ends };
}

/**
 * Reads up to `length` bytes of a file into `target` at `offset`; resolves to the count read, or
 * -1 when the file cannot be read. Callbacks rather than `fs/promises`: a `FileHandle` per file
 * is an object to finalise for each of a million inputs.
 */
function readInto(file: string, target: Uint8Array, offset: number, length: number) {
  return new Promise<number>((resolve) => {
    open(file, "r", (openError, fd) => {
      if (openError !== null) {
        resolve(-1);
        return;
      }
      read(fd, target, offset, length, 0, (readError, count) => {
        close(fd, () => resolve(readError === null ? count : -1));
      });
    });
  });
}

/** The bytes of file `i` of a batch, or `null` when it was left for the worker. */
export function readAheadBytes(ahead: ReadAhead | null, i: number): Uint8Array | null {
  if (ahead === null) return null;
  const start = ahead.starts[i] ?? -1;
  return start < 0 ? null : ahead.bytes.subarray(start, ahead.ends[i]);
}
