import { appendFileSync, closeSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import { ByteStore } from "./byte-store.js";

/** The snippets of the articles an index is built from, numbered in the order they were added. */
export interface SnippetStore {
  /** Keeps a copy of `bytes` as the next snippet. */
  add(bytes: Uint8Array): void;
  /** The length in bytes of snippet `i`. */
  length(i: number): number;
  /** Snippet `i`. */
  get(i: number): Uint8Array;
  /** Lets go of the snippets; the store is not used after. */
  close(): void;
}

/** Snippets held in memory. */
export function memorySnippets(): SnippetStore {
  const bytes = new ByteStore();
  let views: Uint8Array[] = [];
  const view = (i: number): Uint8Array => {
    const found = views[i];
    if (found === undefined) throw new Error(`search index: no snippet ${i}`);
    return found;
  };
  return {
    add: (b) => {
      views.push(bytes.copy(b));
    },
    length: (i) => view(i).length,
    get: view,
    close: () => {
      views = [];
    },
  };
}

/** Bytes gathered before they are appended to the file. */
const WRITE_CHUNK = 1 << 20;

/**
 * Snippets kept in `file`, appended a megabyte at a time and read back one by one. At a million
 * articles they are 850 MB, the largest part of the index builder's memory at the build's peak,
 * and the index reads each only two or three times, in about the order they were added. No file
 * handle stays open between writes: a build that fails before the index is written leaves
 * nothing open, only the file, in a folder the build removes.
 */
export function fileSnippets(file: string): SnippetStore {
  let buffer = new Uint8Array(WRITE_CHUNK);
  let used = 0;
  let flushed = 0;
  /** Offset and length of each snippet, side by side. */
  let spans = new Float64Array(2048);
  let count = 0;
  let fd: number | null = null;
  const flush = () => {
    if (used === 0) return;
    appendFileSync(file, buffer.subarray(0, used));
    flushed += used;
    used = 0;
  };
  const check = (i: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= count) {
      throw new Error(`search index: no snippet ${i}`);
    }
  };
  writeFileSync(file, "");
  return {
    add(bytes) {
      if (count * 2 === spans.length) {
        const grown = new Float64Array(spans.length * 2);
        grown.set(spans);
        spans = grown;
      }
      if (used + bytes.length > buffer.length) {
        flush();
        if (bytes.length > buffer.length) buffer = new Uint8Array(bytes.length);
      }
      spans[count * 2] = flushed + used;
      spans[count * 2 + 1] = bytes.length;
      count++;
      buffer.set(bytes, used);
      used += bytes.length;
    },
    length(i) {
      check(i);
      return spans[i * 2 + 1] as number;
    },
    get(i) {
      check(i);
      const offset = spans[i * 2] as number;
      const length = spans[i * 2 + 1] as number;
      // A snippet is never split between the file and the buffer: the buffer is flushed whole.
      if (offset >= flushed) return buffer.slice(offset - flushed, offset - flushed + length);
      fd ??= openSync(file, "r");
      const out = new Uint8Array(length);
      let read = 0;
      while (read < length) {
        const n = readSync(fd, out, read, length - read, offset + read);
        if (n === 0) throw new Error(`search index: ${file} ended before snippet ${i}`);
        read += n;
      }
      return out;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
      buffer = new Uint8Array(0);
      used = 0;
      rmSync(file, { force: true });
    },
  };
}
