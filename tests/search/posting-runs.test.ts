import { closeSync, existsSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OutputFile } from "../../src/core/types.js";
import { analyzeForSearch, type SearchDoc } from "../../src/render/search/analyze.js";
import { readSearchBase, type SearchBase } from "../../src/render/search/base.js";
import {
  createSearchIndexBuilder,
  type PostingSpill,
} from "../../src/render/search/index-builder.js";
import { PostingPool } from "../../src/render/search/posting-pool.js";
import { PostingRuns } from "../../src/render/search/posting-runs.js";
import { memorySnippets } from "../../src/render/search/snippet-store.js";
import { cleanup, tempDir } from "../helpers.js";
import { corpusArticle, keyOf } from "./fixtures.js";

const article = (n: number, version: number): SearchDoc => corpusArticle(n, version, 300);

const STAMP = "test 1";

async function inTempDir<T>(run: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = await tempDir();
  try {
    return await run(dir);
  } finally {
    await cleanup(dir);
  }
}

describe("PostingPool.clear", () => {
  it("empties the pool, reuses its blocks and starts each term's list again from slot -1", () => {
    const pool = new PostingPool();
    for (let s = 0; s < 1000; s++) pool.push(s % 7, s, s % 50);
    expect(pool.held()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(pool.size).toBeGreaterThan(0);
    pool.clear();
    expect(pool.size).toBe(0);
    expect(pool.held()).toEqual([]);
    expect(pool.holds(3)).toBe(false);
    expect(pool.read(3, new Uint8Array(4)).length).toBe(0);
    pool.push(3, 1000, 9);
    pool.push(3, 1005, 200);
    expect(pool.held()).toEqual([3]);
    const { bytes, length } = pool.read(3, new Uint8Array(1));
    // Gap 1001 from slot -1, weight 9; gap 5, weight 200: varints.
    expect([...bytes.subarray(0, length)]).toEqual([0xe9, 0x07, 9, 5, 0xc8, 0x01]);
  });
});

describe("PostingRuns", () => {
  it("reads back every run's records in order, lists of any size, and removes its file", async () => {
    const record = fc.tuple(fc.nat(5_000_000), fc.integer({ min: 0, max: 3000 }), fc.nat(255));
    const list = (length: number, fill: number) =>
      Uint8Array.from({ length }, (_, i) => (fill + i) & 255);
    await inTempDir((dir) => {
      fc.assert(
        fc.property(fc.array(fc.array(record, { maxLength: 40 }), { maxLength: 5 }), (runs) => {
          const file = path.join(dir, "runs.bin");
          const store = new PostingRuns(file);
          // One list longer than the read and write buffers, in the first run.
          const big = list(1_500_000, 7);
          store.add(1, big, big.length);
          for (const [id, length, fill] of runs[0] ?? []) store.add(id, list(length, fill), length);
          store.endRun();
          for (const run of runs.slice(1)) {
            for (const [id, length, fill] of run) store.add(id, list(length, fill), length);
            store.endRun();
          }
          const readers = store.readers();
          expect(readers).toHaveLength(Math.max(1, runs.length));
          readers.forEach((reader, r) => {
            const first: [number, number, number][] = [[1, big.length, 7], ...(runs[0] ?? [])];
            const expected = r === 0 ? first : (runs[r] ?? []);
            for (const [id, length, fill] of expected) {
              expect(reader.next).toBe(id);
              expect(Buffer.from(reader.take()).equals(Buffer.from(list(length, fill)))).toBe(true);
            }
            expect(reader.next).toBe(-1);
            expect(() => reader.take()).toThrow(/no more postings/);
          });
          store.close();
          expect(existsSync(file)).toBe(false);
        }),
        { numRuns: 25 },
      );
    });
  });

  it("refuses a record whose list runs past the end of its run", async () => {
    await inTempDir((dir) => {
      const file = path.join(dir, "runs.bin");
      const store = new PostingRuns(file);
      store.add(5, Uint8Array.of(1, 2, 3), 3);
      store.endRun();
      // The record's length, after its one-byte id, claims more bytes than the run holds.
      const fd = openSync(file, "r+");
      writeSync(fd, Uint8Array.of(100), 0, 1, 1);
      closeSync(fd);
      const [reader] = store.readers();
      expect(reader?.next).toBe(5);
      expect(() => reader?.take()).toThrow(/runs\.bin is cut short/);
      store.close();
    });
  });
});

/**
 * The index files and next base of `docs` in archive order, analysed in `order` (indexes into
 * `docs`); articles whose key `base` holds are kept from it.
 */
function build(
  docs: readonly SearchDoc[],
  order: readonly number[],
  spill: PostingSpill | null,
  base: SearchBase | null = null,
): { files: OutputFile[]; base: Buffer } {
  const builder = createSearchIndexBuilder(memorySnippets(), spill);
  const ords = new Map(base?.keys.map((k, ord) => [k, ord]));
  if (base !== null) builder.useBase(base);
  for (const id of order) {
    const d = docs[id] as SearchDoc;
    const ord = ords.get(keyOf(d));
    if (ord === undefined) {
      builder.add(analyzeForSearch({ ...d, id }), keyOf(d));
    } else {
      const { path: p, title, date, source, authors } = d;
      builder.keep(ord, id, { path: p, title, date, source, authors });
    }
  }
  const chunks: Buffer[] = [];
  const files = [...builder.finish({ stamp: STAMP, sink: (c) => chunks.push(Buffer.from(c)) })];
  return { files, base: Buffer.concat(chunks) };
}

describe("a search index builder that spills its postings", () => {
  const docs = Array.from({ length: 60 }, (_, n) => article(n, 0));
  const inOrder = docs.map((_, id) => id);

  it("writes the same index and base as one that holds them, whatever the order and limit", async () => {
    const expected = build(docs, inOrder, null);
    await inTempDir((dir) => {
      fc.assert(
        fc.property(
          fc.shuffledSubarray(inOrder, { minLength: docs.length }),
          fc.boolean(),
          fc.integer({ min: 1, max: 4000 }),
          (shuffled, ordered, limit) => {
            const file = path.join(dir, "postings.bin");
            const got = build(docs, ordered ? inOrder : shuffled, { file, limit });
            expect(got.files).toEqual(expected.files);
            expect(got.base.equals(expected.base)).toBe(true);
            expect(existsSync(file)).toBe(false);
          },
        ),
        { numRuns: 30 },
      );
    });
  });

  it("merges spilled postings with a base's as one that holds them does", async () => {
    const first = readSearchBase(build(docs, inOrder, null).base, STAMP) as SearchBase;
    expect(first).not.toBeNull();
    const after = docs.map((d, n) => (n % 4 === 1 ? article(n, 1) : d));
    const shuffled = [...inOrder].reverse();
    await inTempDir((dir) => {
      const file = path.join(dir, "postings.bin");
      for (const order of [inOrder, shuffled]) {
        const expected = build(after, order, null, first);
        expect(build(after, order, { file, limit: 1 }, first)).toEqual(expected);
        expect(build(after, inOrder, null)).toEqual(expected);
      }
    });
  });
});
