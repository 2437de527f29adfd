import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OutputFile } from "../../src/core/types.js";
import { analyzeForSearch } from "../../src/render/search/analyze.js";
import { createSearchIndexBuilder } from "../../src/render/search/index-builder.js";
import {
  DOC_CHUNK,
  type KeepFile,
  SHARD_CHARS,
  TOP_RESULTS,
} from "../../src/render/search/shard-writer.js";
import { buildIndex, doc, word } from "./fixtures.js";
import { engineOver } from "./vm-client.js";

const corpus = Array.from({ length: 40 }, (_, i) =>
  doc(i * 3, {
    title: `${word(i)} report ${i % 2 ? "Zürich" : "Zurich"}`,
    authors: i % 3 ? [`Writer ${word(i % 5)}`] : [],
    source: `site${i % 4}.com`,
    year: 2000 + (i % 6),
    text: Array.from({ length: 30 }, (_, k) => word((i * 7 + k * k) % 200)).join(" "),
  }),
);

describe("createSearchIndexBuilder", () => {
  it("writes byte-identical files whatever the order articles arrive in", () => {
    const reference = buildIndex(corpus);
    fc.assert(
      fc.property(fc.shuffledSubarray(corpus, { minLength: corpus.length }), (shuffled) => {
        expect(buildIndex(shuffled)).toEqual(reference);
      }),
      { numRuns: 20 },
    );
  });

  it("writes only under search/, as scripts that register their data", () => {
    const files = buildIndex(corpus);
    expect(files.map((f) => f.path)).toContain("search/index/meta.js");
    for (const f of files) {
      expect(f.path).toMatch(/^search\/index\/[a-z0-9]+\.js$/);
      expect(Buffer.from(f.contents).toString()).toMatch(
        /^BroadsheetSearch\.register\("[a-z0-9]+",/,
      );
    }
  });

  it("rejects an article added twice", () => {
    const b = createSearchIndexBuilder();
    b.add(analyzeForSearch(doc(1, {})), "a");
    expect(() => b.add(analyzeForSearch(doc(1, {})), "b")).toThrow(/id 1 added twice/);
  });

  it("splits terms into bounded shards, sorted, that the client finds", async () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      doc(i, { text: Array.from({ length: 200 }, (_, k) => word(i * 200 + k)).join(" ") }),
    );
    const files = buildIndex(many);
    const shards = files.filter((f) => /\/t\d+\.js$/.test(f.path));
    expect(shards.length).toBeGreaterThan(3);
    for (const s of shards)
      expect(Buffer.from(s.contents).toString().length).toBeLessThan(SHARD_CHARS + 200);
    const { engine, loaded } = engineOver(files);
    const meta = (await engine.meta()) as { shards: string[] };
    expect(meta.shards).toEqual([...meta.shards].sort());
    const { hits } = await engine.search({ q: word(299 * 200 + 5) });
    expect(hits.map((h) => h.ord)).toEqual([299]);
    expect(loaded.filter((p) => /\/t\d+\.js$/.test(p))).toHaveLength(1);
  });
});

describe("top results in the shard", () => {
  // "common" is in every article, "rare" in TOP_RESULTS of them that no common term ranks first.
  const articles = Array.from({ length: 1200 }, (_, i) =>
    doc(i, {
      title: i % 5 === 0 ? "common ground" : `piece ${i}`,
      text: `common ${i >= 1152 && i < 1152 + TOP_RESULTS ? "rare" : ""} ${word(i)}`,
      source: `site${i % 3}.com`,
    }),
  );
  const files = buildIndex(articles);
  const chunks = (loaded: string[]) => loaded.filter((p) => /\/d\d+\.js$/.test(p));

  it("shows a common word's first page from its shard alone, fields equal to the chunks'", async () => {
    const { engine, loaded } = engineOver(files);
    const { ords } = await engine.search({ q: "common" });
    const top = Array.from(ords.slice(0, TOP_RESULTS));
    const fromShard = await engine.docs(top);
    expect(chunks(loaded)).toEqual([]);
    const fresh = engineOver(files);
    await fresh.engine.meta();
    expect(JSON.stringify(fromShard)).toBe(JSON.stringify(await fresh.engine.docs(top)));
    expect(fromShard.slice(0, 13).map((d) => d.title)).toContain("common ground");
    await engine.docs(Array.from(ords.slice(TOP_RESULTS, TOP_RESULTS + 3)));
    expect(chunks(loaded).length).toBeGreaterThan(0);
  });

  it("carries no top results whose fields outweigh the term's posting list", async () => {
    const long = articles
      .slice(0, 40)
      .map((a) => ({ ...a, text: `${a.text} ${"filler ".repeat(200)}` }));
    const { engine, loaded } = engineOver(buildIndex(long));
    const { ords } = await engine.search({ q: "common" });
    await engine.docs(Array.from(ords.slice(0, TOP_RESULTS)));
    expect(chunks(loaded).length).toBeGreaterThan(0);
  });

  it("loads a rare word's results from chunks", async () => {
    const { engine, loaded } = engineOver(files);
    const { ords } = await engine.search({ q: "rare" });
    expect(ords.length).toBe(TOP_RESULTS);
    await engine.docs(Array.from(ords));
    expect(chunks(loaded).length).toBeGreaterThan(0);
  });
});

describe("cache busting", () => {
  it("names the build in meta and requests every other file with it", async () => {
    const { engine, loaded, queries } = engineOver(buildIndex(corpus));
    const meta = (await engine.meta()) as { build: string };
    await engine.search({ q: word(3) });
    expect(meta.build).toMatch(/^[0-9a-f]{12}$/);
    loaded.forEach((path, i) => {
      expect(queries[i]).toMatch(
        path.endsWith("/meta.js") ? /^t=\d+$/ : new RegExp(`^v=${meta.build}$`),
      );
    });
    expect(loaded.length).toBeGreaterThan(1);
  });

  it("changes the build hash when any article changes, and only then", async () => {
    const build = async (docs: typeof corpus) =>
      ((await engineOver(buildIndex(docs)).engine.meta()) as { build: string }).build;
    const edited = corpus.map((d, i) => (i === 7 ? { ...d, title: `${d.title} update` } : d));
    expect(await build(corpus)).toBe(await build([...corpus].reverse()));
    expect(await build(edited)).not.toBe(await build(corpus));
  });

  it("keeps the stored-field chunks it is allowed to, with the same meta as when it writes them", () => {
    const indexWith = (docs: typeof corpus, keep?: KeepFile): OutputFile[] => {
      const builder = createSearchIndexBuilder();
      for (const d of docs) builder.add(analyzeForSearch(d), `${d.path}|${d.title}|${d.text}`);
      return [...builder.finish(undefined, keep)];
    };
    const sha1 = (f: OutputFile) => createHash("sha1").update(f.contents).digest("hex");
    const keysOf = (docs: typeof corpus) => {
      const keys = new Map<string, string>();
      indexWith(docs, (path, key) => {
        keys.set(path, key);
        return null;
      });
      return keys;
    };
    const chunks = Math.ceil(corpus.length / DOC_CHUNK);
    expect(chunks).toBeGreaterThan(2);
    const written = indexWith(corpus);
    const byPath = new Map(written.map((f) => [f.path, f]));
    const keys = keysOf(corpus);
    expect([...keys.keys()]).toEqual(
      Array.from({ length: chunks }, (_, i) => `search/index/d${i}.js`),
    );
    // Article 117 comes last in archive order, in the last chunk: an edit of it changes that key alone.
    const edited = corpus.map((d) => (d.id === 117 ? { ...d, text: `${d.text} edited` } : d));
    const editedKeys = keysOf(edited);
    const changed = [...keys].filter(([path, key]) => editedKeys.get(path) !== key);
    expect(changed.map(([path]) => path)).toEqual([`search/index/d${chunks - 1}.js`]);

    const kept = indexWith(corpus, (path, key) => {
      const file = byPath.get(path);
      return path === "search/index/d0.js" && key === keys.get(path) && file ? sha1(file) : null;
    });
    expect(kept.map((f) => f.path)).toEqual(
      written.map((f) => f.path).filter((p) => !p.endsWith("/d0.js")),
    );
    expect(kept).toEqual(written.filter((f) => !f.path.endsWith("/d0.js")));
  });
});
