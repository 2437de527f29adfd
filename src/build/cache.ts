import { createHash } from "node:crypto";
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ArticleRecord } from "../model/archive.js";
import { createStringSharer, type StringSharer } from "../model/share-strings.js";
import type { Learned } from "./tasks.js";

/** The cache's file name in the cache folder. */
export const CACHE_FILE = "build-cache.bin";

/** Bumped whenever what the cache holds, or how pages are made from it, changes. */
const CACHE_FORMAT = 5;

/** What the first pass learned from a file, valid while its size and modification time hold. */
export interface CachedLearned {
  readonly size: number;
  readonly mtimeMs: number;
  readonly learned: Learned;
}

/** A cleaned article as the previous build left it. */
export interface CachedClean {
  readonly profileDigest: string;
  readonly record: ArticleRecord;
  readonly signature: Uint32Array | null;
}

/**
 * What one build hands to the next: cleaned records by input file, the key of every article
 * page (a digest of everything it was made from), and the key and files of the search index.
 * Search documents are not kept: they are as large as the texts themselves.
 */
export interface BuildCache {
  readonly learned: Map<string, CachedLearned>;
  readonly cleans: Map<string, CachedClean>;
  readonly renders: Map<string, string>;
  readonly search: { readonly key: string; readonly files: readonly string[] };
}

/** An empty cache: everything is built. */
export function emptyCache(): BuildCache {
  return {
    learned: new Map(),
    cleans: new Map(),
    renders: new Map(),
    search: { key: "", files: [] },
  };
}

/** The maps of a cache, saved in frames of at most this many entries. */
const PARTS = ["learned", "cleans", "renders"] as const;
const CHUNK = 4096;

type Part = (typeof PARTS)[number];
/** The first frame: whether the rest can be read at all. */
interface Header {
  readonly format: number;
  readonly stamp: string;
}
/** The last frame: without it the file is incomplete. */
interface Seal {
  readonly seal: true;
  readonly search: BuildCache["search"];
  readonly counts: Record<Part, number>;
}

/**
 * Loads the cache, or an empty one when it is missing, unreadable, truncated, from another
 * version, or made with other templates: a stale or corrupted cache costs a full build, never a
 * wrong site.
 */
export async function loadCache(dir: string, stamp: string): Promise<BuildCache> {
  const frames = readFrames(path.join(dir, CACHE_FILE));
  try {
    const header = (await frames.next()).value as Header | undefined;
    if (header?.format !== CACHE_FORMAT || header.stamp !== stamp) return emptyCache();
    const cache = emptyCache();
    const share = createStringSharer();
    let seal: Seal | null = null;
    for await (const frame of frames) {
      if (seal !== null) return emptyCache();
      if ((frame as Seal).seal === true) {
        seal = frame as Seal;
        continue;
      }
      const { part, entries } = frame as { part: Part; entries: [string, never][] };
      if (!PARTS.includes(part) || !Array.isArray(entries)) return emptyCache();
      const map: Map<string, unknown> = cache[part];
      for (const [key, value] of entries)
        map.set(key, part === "cleans" ? compactClean(value as CachedClean, key, share) : value);
    }
    if (seal === null || typeof seal.search?.key !== "string") return emptyCache();
    if (!Array.isArray(seal.search.files)) return emptyCache();
    const complete = PARTS.every((part) => cache[part].size === seal.counts[part]);
    return complete ? { ...cache, search: seal.search } : emptyCache();
  } catch {
    return emptyCache();
  } finally {
    // Closes the file when the frames were not all read.
    await frames.return(undefined);
  }
}

/**
 * A cleaned record as compact as a fresh one: its signature gets a buffer of its own, since
 * `deserialize` returns typed arrays as views into the bytes they were read from (each one kept
 * its whole frame resident: 200 MB at 100,000 articles), and its repeated strings are shared, as
 * `deserialize` makes a copy of each (see `share-strings.ts`); its path shares the string of
 * `file`, the key it is cached under.
 */
function compactClean(clean: CachedClean, file: string, share: StringSharer): CachedClean {
  return {
    profileDigest: share.text(clean.profileDigest),
    record: share.record(clean.record, file),
    signature: clean.signature === null ? null : clean.signature.slice(),
  };
}

/**
 * A cache file being written, in frames of a few thousand entries (one serialised buffer of the
 * whole cache was the largest allocation of a 100,000-article build). A build writes what it
 * learned of its inputs before rendering, so it need not hold that through rendering, and the
 * rest after; the file replaces the old cache only when sealed.
 */
export interface CacheWriter {
  write(part: Part, entries: ReadonlyMap<string, unknown>): Promise<void>;
  /** Writes the last frame and puts the file in place. */
  seal(search: BuildCache["search"]): Promise<void>;
  /** Drops the unfinished file. */
  abort(): Promise<void>;
}

/** Starts writing a cache into `dir`; see {@link CacheWriter}. */
export async function writeCache(dir: string, stamp: string): Promise<CacheWriter> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, CACHE_FILE);
  const handle = await open(`${file}.tmp`, "w");
  const counts: Record<Part, number> = { learned: 0, cleans: 0, renders: 0 };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  try {
    await writeFrame(handle, { format: CACHE_FORMAT, stamp } satisfies Header);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    async write(part, map) {
      let entries: [string, unknown][] = [];
      for (const entry of map) {
        entries.push(entry);
        if (entries.length === CHUNK) {
          await writeFrame(handle, { part, entries });
          entries = [];
        }
      }
      if (entries.length > 0) await writeFrame(handle, { part, entries });
      counts[part] += map.size;
    },
    async seal(search) {
      await writeFrame(handle, { seal: true, search, counts } satisfies Seal);
      await close();
      await rename(`${file}.tmp`, file);
    },
    async abort() {
      await close();
      await rm(`${file}.tmp`, { force: true });
    },
  };
}

/** Saves a whole cache atomically (write then rename). */
export async function saveCache(dir: string, stamp: string, cache: BuildCache): Promise<void> {
  const writer = await writeCache(dir, stamp);
  try {
    for (const part of PARTS) await writer.write(part, cache[part]);
    await writer.seal(cache.search);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

async function writeFrame(handle: FileHandle, value: unknown): Promise<void> {
  const body = serialize(value);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  await handle.write(length);
  await handle.write(body);
}

/**
 * Reads frames one at a time from the file: holding the whole file while its frames became
 * objects took 300 MB at 100,000 articles, on top of the objects.
 */
async function* readFrames(file: string): AsyncGenerator<unknown> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const length = Buffer.alloc(4);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await handle.read(length, 0, 4, at);
      const end = at + 4 + length.readUInt32LE(0);
      // A garbled length must not become a huge allocation.
      if (bytesRead < 4 || end > size) throw new Error("truncated cache");
      const body = Buffer.alloc(end - at - 4);
      const read = await handle.read(body, 0, body.length, at + 4);
      if (read.bytesRead < body.length) throw new Error("truncated cache");
      yield deserialize(body);
      at = end;
    }
  } finally {
    await handle.close();
  }
}

/** SHA-1 of a value's JSON, for cache keys. */
export function digest(value: unknown): string {
  return createHash("sha1").update(JSON.stringify(value)).digest("hex");
}

/** SHA-1 of strings as they are, for keys whose parts are JSON already (no second escaping). */
export function digestText(parts: readonly string[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** Digests of the template folder, each over the files some pages are made from. */
export interface TemplateDigests {
  /** Every file. */
  readonly all: string;
  /** The files an article page is made from. */
  readonly article: string;
  /** The files every other page may be made from: all but those only article pages use. */
  readonly pages: string;
}

/** Template names a template includes or takes as its layout, as written: `./partials/x`. */
const REFERENCE = /\b(?:include|layout)\(\s*["'`]([^"'`]+)["'`]/g;

/**
 * Reads the template folder once and digests it three ways: everything; only the files and
 * folders in `articleNames`; and everything but `articleOnly`, unless another template refers to
 * one of those. So editing the article template renders neither listings nor other pages again.
 */
export async function templateDigests(
  dir: string,
  articleNames: readonly string[],
  articleOnly: readonly string[],
): Promise<TemplateDigests> {
  const all = createHash("sha1");
  const article = createHash("sha1");
  const pages = createHash("sha1");
  const files: { name: string; contents: Buffer }[] = [];
  for (const name of (await readdir(dir, { recursive: true })).map(String).sort()) {
    const contents = await readFile(path.join(dir, name)).catch(() => null);
    if (contents !== null) files.push({ name, contents });
  }
  const referenced = new Set<string>();
  for (const { name, contents } of files) {
    if (articleOnly.includes(name)) continue;
    for (const [, ref] of contents.toString("utf8").matchAll(REFERENCE)) {
      const clean = (ref ?? "").replace(/^\.\//, "");
      referenced.add(path.extname(clean) === "" ? `${clean}.eta` : clean);
    }
  }
  for (const { name, contents } of files) {
    const targets = [all];
    if (articleNames.some((n) => name === n || name.startsWith(`${n}/`))) targets.push(article);
    if (!articleOnly.includes(name) || referenced.has(name)) targets.push(pages);
    for (const hash of targets) hash.update(name).update("\0").update(contents).update("\0");
  }
  return { all: all.digest("hex"), article: article.digest("hex"), pages: pages.digest("hex") };
}
