import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ArticleRecord } from "../model/archive.js";
import type { Learned } from "./tasks.js";

/** The cache's file name in the cache folder. */
export const CACHE_FILE = "build-cache.bin";

/** Bumped whenever what the cache holds, or how pages are made from it, changes. */
const CACHE_FORMAT = 1;

/** What the first pass learned from a file, valid while its size and modification time hold. */
export interface CachedLearned {
  readonly size: number;
  readonly mtimeMs: number;
  readonly learned: Learned;
}

/** A cleaned article as the previous build left it. */
export interface CachedClean {
  readonly contentHash: string;
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

/**
 * Loads the cache, or an empty one when it is missing, unreadable, from another version, or made
 * with other templates: a stale or corrupted cache costs a full build, never a wrong site.
 */
export async function loadCache(dir: string, stamp: string): Promise<BuildCache> {
  try {
    const data = deserialize(await readFile(path.join(dir, CACHE_FILE))) as {
      format: number;
      stamp: string;
      learned: [string, CachedLearned][];
      cleans: [string, CachedClean][];
      renders: [string, string][];
      search: BuildCache["search"];
    };
    if (data.format !== CACHE_FORMAT || data.stamp !== stamp) return emptyCache();
    if (![data.learned, data.cleans, data.renders].every(Array.isArray)) return emptyCache();
    if (typeof data.search?.key !== "string" || !Array.isArray(data.search.files)) {
      return emptyCache();
    }
    return {
      learned: new Map(data.learned),
      cleans: new Map(data.cleans),
      renders: new Map(data.renders),
      search: data.search,
    };
  } catch {
    return emptyCache();
  }
}

/** Saves the cache atomically (write then rename). */
export async function saveCache(dir: string, stamp: string, cache: BuildCache): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, CACHE_FILE);
  const data = {
    format: CACHE_FORMAT,
    stamp,
    learned: [...cache.learned],
    cleans: [...cache.cleans],
    renders: [...cache.renders],
    search: cache.search,
  };
  await writeFile(`${file}.tmp`, serialize(data));
  await rename(`${file}.tmp`, file);
}

/** SHA-1 of a value's JSON, for cache keys. */
export function digest(value: unknown): string {
  return createHash("sha1").update(JSON.stringify(value)).digest("hex");
}

/** Digests of the template folder: of every file, and of those an article page is made from. */
export interface TemplateDigests {
  readonly all: string;
  readonly article: string;
}

/**
 * Reads the template folder once and digests it twice: everything, and only the files and
 * folders in `articleNames`, so a template edit invalidates only the pages that use it.
 */
export async function templateDigests(
  dir: string,
  articleNames: readonly string[],
): Promise<TemplateDigests> {
  const all = createHash("sha1");
  const article = createHash("sha1");
  const files = (await readdir(dir, { recursive: true })).map(String).sort();
  for (const name of files) {
    const contents = await readFile(path.join(dir, name)).catch(() => null);
    if (contents === null) continue;
    const targets = articleNames.some((n) => name === n || name.startsWith(`${n}/`))
      ? [all, article]
      : [all];
    for (const hash of targets) hash.update(name).update("\0").update(contents).update("\0");
  }
  return { all: all.digest("hex"), article: article.digest("hex") };
}
