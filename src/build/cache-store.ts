import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { hash53 } from "../clean/hash.js";
import { createStringSharer, type StringSharer } from "../model/share-strings.js";
import { ByteStore } from "../render/search/byte-store.js";
import {
  type BuildCache,
  type CachedClean,
  emptyCache,
  PARTS,
  type Part,
  type StoredPart,
  type StoredParts,
} from "./cache.js";

/** The cache's index in the cache folder: which segments hold it, sealed by a digest. */
export const CACHE_FILE = "build-cache.json";
/** The folder of segment files beside the index, each named by the SHA-256 of its bytes. */
export const SEGMENTS_DIR = "build-cache";

/** Bumped whenever what the cache holds, or how pages are made from it, changes. */
const CACHE_FORMAT = 7;
/** Entries per bucket at most, on average: a bucket is serialised, hashed and read whole. */
const BUCKET_SIZE = 4096;

interface CacheIndex {
  readonly format: number;
  readonly stamp: string;
  readonly search: BuildCache["search"];
  readonly parts: StoredParts;
}

/** What a segment file holds. */
interface Segment {
  readonly part: Part;
  readonly entries: [string, unknown][];
}

/**
 * Loads the cache, or an empty one when it is missing, from another version or generator, or
 * any of its files is truncated, corrupted or gone: each segment must hash to its name, and the
 * index to its digest. A stale or corrupted cache costs a full build, never a wrong site.
 */
export async function loadCache(dir: string, stamp: string): Promise<BuildCache> {
  try {
    const index = parseIndex(await readFile(path.join(dir, CACHE_FILE), "utf8"));
    if (index === null || index.format !== CACHE_FORMAT || index.stamp !== stamp) {
      return emptyCache();
    }
    const cache = emptyCache();
    const share = createStringSharer();
    const signatures = new ByteStore();
    const refs = PARTS.flatMap((part) =>
      index.parts[part].segments.flatMap((ref) => (ref === null ? [] : [{ part, ...ref }])),
    );
    const reader = createSegmentReader(path.join(dir, SEGMENTS_DIR));
    for await (const [ref, bytes] of readInTurn(reader, refs)) {
      if (sha256(bytes) !== ref.name) return emptyCache();
      const segment = deserialize(bytes) as Segment;
      if (segment.part !== ref.part || segment.entries.length !== ref.count) return emptyCache();
      const map: Map<string, unknown> = cache[ref.part];
      for (const [key, value] of segment.entries)
        map.set(
          key,
          ref.part === "cleans"
            ? compactClean(value as CachedClean, key, share, signatures)
            : value,
        );
    }
    return { ...cache, search: index.search, stored: index.parts };
  } catch {
    return emptyCache();
  }
}

/** Yields each segment with its bytes, in order, reading the next while the caller decodes one. */
async function* readInTurn<T extends { readonly name: string }>(
  reader: SegmentReader,
  segments: readonly T[],
): AsyncGenerator<[T, Buffer]> {
  const start = (name: string) => {
    const read = reader.read(name);
    // Awaited on the next turn; a failure until then must not count as unhandled.
    read.catch(() => undefined);
    return read;
  };
  let ahead: Promise<Buffer> | undefined;
  for (const [i, segment] of segments.entries()) {
    const current = ahead ?? start(segment.name);
    const following = segments[i + 1];
    ahead = following === undefined ? undefined : start(following.name);
    yield [segment, await current];
  }
}

interface SegmentReader {
  read(name: string): Promise<Buffer>;
}

/**
 * Reads segments into two buffers used in turn, so one can be read while the other is decoded:
 * a fresh buffer per segment cost a page fault per 4 KB, a tenth of loading the whole cache.
 * A buffer's bytes are valid until the read after next, so nothing decoded may keep a view into
 * them: `compactClean` copies the one typed array a cache holds.
 */
function createSegmentReader(dir: string): SegmentReader {
  const buffers = [Buffer.alloc(0), Buffer.alloc(0)];
  let turn = 0;
  return {
    async read(name) {
      const slot = turn;
      turn = 1 - turn;
      const handle = await open(path.join(dir, name), "r");
      try {
        const { size } = await handle.stat();
        if ((buffers[slot]?.length ?? 0) < size) buffers[slot] = Buffer.alloc(size * 1.25);
        const buffer = (buffers[slot] as Buffer).subarray(0, size);
        const { bytesRead } = await handle.read(buffer, 0, size, 0);
        if (bytesRead !== size) throw new Error(`short read of ${name}`);
        return buffer;
      } finally {
        await handle.close();
      }
    },
  };
}

/** The index, when its digest holds and its shape is what this version writes. */
function parseIndex(text: string): CacheIndex | null {
  const { index, digest } = JSON.parse(text) as { index?: CacheIndex; digest?: string };
  if (index === undefined || digest !== sha256(JSON.stringify(index))) return null;
  const valid = (stored: StoredPart | undefined) =>
    stored !== undefined &&
    Number.isInteger(stored.buckets) &&
    Array.isArray(stored.segments) &&
    stored.segments.length === stored.buckets;
  if (!PARTS.every((part) => valid(index.parts?.[part]))) return null;
  if (typeof index.search?.key !== "string" || !Array.isArray(index.search.files)) return null;
  return index;
}

/**
 * A cleaned record as compact as a fresh one: its signature is copied into a shared store (see `byte-store.ts`), since
 * `deserialize` returns typed arrays as views into the bytes they were read from (each one kept
 * its whole segment resident), and its repeated strings are shared, as `deserialize` makes a copy
 * of each (see `share-strings.ts`); its path shares the string of `file`, the key it is cached
 * under.
 */
function compactClean(
  clean: CachedClean,
  file: string,
  share: StringSharer,
  signatures: ByteStore,
): CachedClean {
  return {
    profileDigest: share.text(clean.profileDigest),
    record: share.record(clean.record, file),
    signature: clean.signature === null ? null : signatures.copyWords(clean.signature),
  };
}

/**
 * A cache being written, part by part. Each part's entries are split into buckets by a hash of
 * their keys and each bucket becomes a segment file named by its hash, so a bucket whose entries
 * are the very objects the previous cache loaded keeps that segment without being serialised
 * again: after one edited article, two buckets of 4,096 entries are written instead of the
 * quarter-gigabyte cache of 100,000 articles. A build writes what it learned of its inputs
 * before rendering, so it need not hold that through rendering, and the rest after; the new cache
 * takes the old one's place only when `seal` writes its index.
 */
export interface CacheWriter {
  write(part: Part, entries: ReadonlyMap<string, unknown>): Promise<void>;
  /** Writes the index, then removes the segments it does not name. */
  seal(search: BuildCache["search"]): Promise<void>;
  /** Removes the segments this writer added, leaving the old cache as it was. */
  abort(): Promise<void>;
}

/**
 * Starts writing a cache into `dir`; see {@link CacheWriter}. `previous` is the cache this build
 * loaded: its maps must still hold what was loaded when a part is written.
 */
export async function writeCache(
  dir: string,
  stamp: string,
  previous?: BuildCache,
): Promise<CacheWriter> {
  const segmentsDir = path.join(dir, SEGMENTS_DIR);
  await mkdir(segmentsDir, { recursive: true });
  const empty: StoredPart = { buckets: 0, segments: [] };
  const parts: Record<Part, StoredPart> = { learned: empty, cleans: empty, renders: empty };
  const added: string[] = [];

  const writeSegment = async (part: Part, entries: [string, unknown][]) => {
    const bytes = serialize({ part, entries } satisfies Segment);
    const name = sha256(bytes);
    const file = path.join(segmentsDir, name);
    if ((await stat(file).catch(() => null))?.size !== bytes.length) {
      await writeFile(`${file}.tmp`, bytes);
      await rename(`${file}.tmp`, file);
      added.push(name);
    }
    return { name, count: entries.length };
  };

  return {
    async write(part, map) {
      const buckets = bucketsFor(map.size);
      const keys: string[][] = Array.from({ length: buckets }, () => []);
      for (const key of map.keys()) keys[bucketOf(key, buckets)]?.push(key);
      const before = previous?.stored?.[part];
      const loaded: ReadonlyMap<string, unknown> | undefined = previous?.[part];
      const segments: StoredPart["segments"][number][] = [];
      for (const [bucket, inBucket] of keys.entries()) {
        inBucket.sort();
        const kept = before?.buckets === buckets ? before.segments[bucket] : undefined;
        const same =
          kept != null &&
          kept.count === inBucket.length &&
          inBucket.every((key) => loaded?.get(key) === map.get(key));
        if (same) segments.push(kept);
        else if (inBucket.length === 0) segments.push(null);
        else
          segments.push(
            await writeSegment(
              part,
              inBucket.map((key) => [key, map.get(key)]),
            ),
          );
      }
      parts[part] = { buckets, segments };
    },
    async seal(search) {
      const index: CacheIndex = { format: CACHE_FORMAT, stamp, search, parts };
      const file = path.join(dir, CACHE_FILE);
      const text = JSON.stringify({ index, digest: sha256(JSON.stringify(index)) });
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
      const named = new Set(
        PARTS.flatMap((part) => parts[part].segments.map((ref) => ref?.name ?? "")),
      );
      for (const name of await readdir(segmentsDir)) {
        if (!named.has(name)) await rm(path.join(segmentsDir, name), { force: true });
      }
    },
    async abort() {
      for (const name of added) await rm(path.join(segmentsDir, name), { force: true });
    },
  };
}

/** Saves a whole cache, replacing the old one only once every segment is written. */
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

/** A power of two, so a part's buckets stay the same while its size changes by less than half. */
function bucketsFor(entries: number): number {
  let buckets = 1;
  while (buckets * BUCKET_SIZE < entries) buckets *= 2;
  return buckets;
}

/** A bucket by the key's `hash53`: stable across runs and platforms. */
function bucketOf(key: string, buckets: number): number {
  return hash53(key) % buckets;
}

function sha256(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
