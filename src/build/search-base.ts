import { closeSync, openSync, writeSync } from "node:fs";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { readSearchBase, readSearchBaseKeys, type SearchBase } from "../render/search/base.js";
import type { SearchBaseOutput } from "../render/search/index-builder.js";

/** The search base's file name in the cache folder. */
export const SEARCH_BASE_FILE = "search-base.bin";

/** The search base of a cache folder: read by a build, written again by the index it builds. */
export interface SearchBaseStore {
  /**
   * The keys of the articles the base holds, read from the start of its file and not checked:
   * which articles need analysing, known before the whole base is read; `null` when there is none.
   */
  keys(): Promise<readonly string[] | null>;
  /** The base, or `null` when there is none or it cannot be trusted. */
  load(): Promise<SearchBase | null>;
  /** Starts writing a new base; it replaces the old one only when committed. */
  open(): Promise<SearchBaseFile>;
}

/** A base being written: the index builder's chunks go straight to the file. */
export interface SearchBaseFile {
  readonly output: SearchBaseOutput;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * The store in `dir`. A base left from an older build is safe to read: an article's postings are
 * taken only when its key, a digest of everything its search document is made from, matches.
 */
export function searchBaseIn(dir: string, stamp: string): SearchBaseStore {
  const file = path.join(dir, SEARCH_BASE_FILE);
  return {
    async keys() {
      const handle = await open(file, "r").catch(() => null);
      if (handle === null) return null;
      try {
        // Keys take about 40 bytes an article; read more until they are all in.
        for (let size = 1 << 20; ; size *= 4) {
          const prefix = Buffer.alloc(size);
          const { bytesRead } = await handle.read(prefix, 0, size, 0);
          const keys = readSearchBaseKeys(prefix.subarray(0, bytesRead), stamp);
          if (keys !== "short") return keys;
          if (bytesRead < size) return null;
        }
      } catch {
        return null;
      } finally {
        await handle.close();
      }
    },
    async load() {
      const bytes = await readFile(file).catch(() => null);
      return bytes === null ? null : readSearchBase(bytes, stamp);
    },
    async open() {
      await mkdir(dir, { recursive: true });
      const fd = openSync(`${file}.tmp`, "w");
      let open = true;
      const close = () => {
        if (open) closeSync(fd);
        open = false;
      };
      return {
        // Written at once, since the builder reuses the chunk's buffer when the call returns.
        output: { stamp, sink: (chunk) => writeAll(fd, chunk) },
        async commit() {
          close();
          await rename(`${file}.tmp`, file);
        },
        async abort() {
          close();
          await rm(`${file}.tmp`, { force: true });
        },
      };
    },
  };
}

function writeAll(fd: number, chunk: Uint8Array): void {
  for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done);
}
