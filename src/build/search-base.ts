import { type FileHandle, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { readSearchBase, type SearchBase } from "../render/search/base.js";
import type { SearchBaseOutput } from "../render/search/index-builder.js";

/** The search base's file name in the cache folder. */
export const SEARCH_BASE_FILE = "search-base.bin";

/** The search base of a cache folder: read by a build, written again by the index it builds. */
export interface SearchBaseStore {
  /** The base, or `null` when there is none or it cannot be trusted. */
  load(): Promise<SearchBase | null>;
  /** Starts writing a new base; it replaces the old one only when committed. */
  open(): Promise<SearchBaseFile>;
}

/** A base being written: the index builder queues chunks, `drain` writes them. */
export interface SearchBaseFile {
  readonly output: SearchBaseOutput;
  drain(): Promise<void>;
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
    async load() {
      const bytes = await readFile(file).catch(() => null);
      return bytes === null ? null : readSearchBase(bytes, stamp);
    },
    async open() {
      await mkdir(dir, { recursive: true });
      const handle: FileHandle = await open(`${file}.tmp`, "w");
      let queue: Uint8Array[] = [];
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await handle.close();
      };
      const drain = async () => {
        const chunks = queue;
        queue = [];
        if (chunks.length > 0) await handle.writev(chunks);
      };
      return {
        output: { stamp, sink: (chunk) => queue.push(chunk) },
        drain,
        async commit() {
          await drain();
          await close();
          await rename(`${file}.tmp`, file);
        },
        async abort() {
          queue = [];
          await close();
          await rm(`${file}.tmp`, { force: true });
        },
      };
    },
  };
}
