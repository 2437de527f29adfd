import { createHash, hash as hashOnce } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../model/archive.js";
import type { Learned } from "./tasks.js";

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
  /**
   * Where the loaded maps came from, so the next save keeps the segment of every bucket whose
   * entries are still the very objects loaded; absent from a cache not loaded from disk.
   */
  readonly stored?: StoredParts;
}

/** The maps of a cache, stored apart. */
export const PARTS = ["learned", "cleans", "renders"] as const;
export type Part = (typeof PARTS)[number];

/** A part's entries, split into buckets by a hash of their keys, one segment file per bucket. */
export interface StoredPart {
  readonly buckets: number;
  /** Per bucket: the segment's name (the SHA-256 of its bytes) and entry count; `null` if empty. */
  readonly segments: readonly ({ readonly name: string; readonly count: number } | null)[];
}
export type StoredParts = Readonly<Record<Part, StoredPart>>;

/** An empty cache: everything is built. */
export function emptyCache(): BuildCache {
  return {
    learned: new Map(),
    cleans: new Map(),
    renders: new Map(),
    search: { key: "", files: [] },
  };
}

/** SHA-1 of a value's JSON, for cache keys. */
export function digest(value: unknown): string {
  return hashOnce("sha1", JSON.stringify(value), "hex");
}

/** SHA-1 of strings as they are, for keys whose parts are JSON already (no second escaping). */
export function digestText(parts: readonly string[]): string {
  const hasher = createHash("sha1");
  for (const part of parts) hasher.update(part).update("\0");
  return hasher.digest("hex");
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
