import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OutputFile } from "../../src/core/types.js";
import { analyzeForSearch, type SearchDoc } from "../../src/render/search/analyze.js";
import {
  readSearchBase,
  readSearchBaseKeys,
  type SearchBase,
} from "../../src/render/search/base.js";
import { createSearchIndexBuilder } from "../../src/render/search/index-builder.js";
import { corpusArticle as article, keyOf } from "./fixtures.js";

const STAMP = "test 1";

/** Index files and the base written with them. */
function finish(builder: ReturnType<typeof createSearchIndexBuilder>): {
  files: OutputFile[];
  base: Uint8Array;
} {
  const chunks: Uint8Array[] = [];
  const files = [...builder.finish({ stamp: STAMP, sink: (c) => chunks.push(c.slice()) })];
  return { files, base: Buffer.concat(chunks) };
}

/** A build from nothing: every article analysed, in archive order `docs`. */
function clean(docs: readonly SearchDoc[]) {
  const builder = createSearchIndexBuilder();
  docs.forEach((d, id) => {
    builder.add(analyzeForSearch({ ...d, id }), keyOf(d));
  });
  return finish(builder);
}

/** A build over `base`: articles whose key it holds are kept, the others analysed. */
function incremental(docs: readonly SearchDoc[], base: SearchBase) {
  const builder = createSearchIndexBuilder();
  builder.useBase(base);
  const ords = new Map(base.keys.map((k, ord) => [k, ord]));
  let kept = 0;
  docs.forEach((d, id) => {
    const ord = ords.get(keyOf(d));
    if (ord === undefined) {
      builder.add(analyzeForSearch({ ...d, id }), keyOf(d));
      return;
    }
    const { path, title, date, source, authors } = d;
    builder.keep(ord, id, { path, title, date, source, authors });
    kept++;
  });
  return { ...finish(builder), kept };
}

describe("search base", () => {
  const before = Array.from({ length: 30 }, (_, n) => article(n, 0));
  const first = clean(before);

  it("lets an index over it equal a clean build after any edits, additions, removals and moves", () => {
    const change = fc.record({
      edit: fc.boolean(),
      remove: fc.boolean(),
      rank: fc.nat(1000),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 30, maxLength: 30 }), fc.nat(8), (changes, add) => {
        const after = before
          .map((d, n) => ({ d: changes[n]?.edit ? article(n, 1) : d, c: changes[n] }))
          .filter(({ c }) => !c?.remove)
          .map(({ d, c }) => ({ d, rank: c?.rank ?? 0 }))
          .concat(Array.from({ length: add }, (_, k) => ({ d: article(100 + k, 0), rank: k })))
          .sort((a, b) => a.rank - b.rank || a.d.path.localeCompare(b.d.path))
          .map(({ d }) => d);
        const base = readSearchBase(first.base, STAMP);
        expect(base).not.toBeNull();
        const fresh = clean(after);
        const rebuilt = incremental(after, base as SearchBase);
        expect(rebuilt.files).toEqual(fresh.files);
        expect(Buffer.from(rebuilt.base).equals(Buffer.from(fresh.base))).toBe(true);
        const unchanged = changes.filter((c) => !c.edit && !c.remove).length;
        expect(rebuilt.kept).toBe(unchanged);
      }),
      { numRuns: 40 },
    );
  });

  it("equals a clean build when no article moves, its lists merged rather than sorted", () => {
    const change = fc.record({ edit: fc.boolean(), remove: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(change, { minLength: 30, maxLength: 30 }),
        fc.array(fc.nat(40), { maxLength: 6 }),
        (changes, inserts) => {
          const after = before
            .map((d, n) => (changes[n]?.edit ? article(n, 1) : d))
            .filter((_, n) => !changes[n]?.remove);
          inserts.forEach((at, k) => {
            after.splice(Math.min(at, after.length), 0, article(200 + k, 0));
          });
          const base = readSearchBase(first.base, STAMP) as SearchBase;
          const fresh = clean(after);
          const rebuilt = incremental(after, base);
          expect(rebuilt.files).toEqual(fresh.files);
          expect(Buffer.from(rebuilt.base).equals(Buffer.from(fresh.base))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("is refused when altered, truncated or written by another version", () => {
    expect(readSearchBase(first.base, STAMP)?.keys).toHaveLength(30);
    expect(readSearchBaseKeys(first.base, STAMP)).toEqual(readSearchBase(first.base, STAMP)?.keys);
    expect(readSearchBaseKeys(first.base.subarray(0, 40), STAMP)).toBe("short");
    expect(readSearchBaseKeys(first.base, "test 2")).toBeNull();
    expect(readSearchBase(first.base, "test 2")).toBeNull();
    expect(readSearchBase(first.base.subarray(0, first.base.length - 1), STAMP)).toBeNull();
    for (const at of [0, 10, Math.floor(first.base.length / 2), first.base.length - 1]) {
      const altered = Uint8Array.from(first.base);
      altered[at] = (altered[at] as number) ^ 1;
      expect(readSearchBase(altered, STAMP)).toBeNull();
    }
  });

  it("refuses to keep an article twice, or one it does not hold", () => {
    const base = readSearchBase(first.base, STAMP) as SearchBase;
    const builder = createSearchIndexBuilder();
    builder.useBase(base);
    expect(() => builder.useBase(base)).toThrow(/already/);
    const fields = { path: "p", title: "t", date: null, source: null, authors: [] };
    builder.keep(0, 0, fields);
    expect(() => builder.keep(0, 1, fields)).toThrow(/cannot be kept/);
    expect(() => builder.keep(30, 1, fields)).toThrow(/cannot be kept/);
    expect(() => createSearchIndexBuilder().keep(0, 0, fields)).toThrow(/cannot be kept/);
  });
});
