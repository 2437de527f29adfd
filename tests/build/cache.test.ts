import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type BuildCache, emptyCache, templateDigests } from "../../src/build/cache.js";
import {
  CACHE_FILE,
  loadCache,
  SEGMENTS_DIR,
  saveCache,
  writeCache,
} from "../../src/build/cache-store.js";
import type { ArticleRecord } from "../../src/model/archive.js";
import { FIRST_CHUNK } from "../../src/render/search/byte-store.js";
import { cleanup, tempDir } from "../helpers.js";

/** A cache with more entries than one saved frame holds. */
function sampleCache(n: number): BuildCache {
  const cache = emptyCache();
  for (let i = 0; i < n; i++) cache.renders.set(`page-${i}/index.html`, `key-${i}`);
  cache.learned.set("/in/a.txt", {
    size: 10,
    mtimeMs: 1,
    learned: { contentHash: "h", diagnostics: [], facts: null },
  });
  return { ...cache, search: { key: "k", files: ["search/index/meta.js"] } };
}

describe("the build cache", () => {
  it("loads what was saved, across several frames", async () => {
    const dir = await tempDir();
    const cache = sampleCache(10_000);
    await saveCache(dir, "stamp", cache);
    const loaded = await loadCache(dir, "stamp");
    expect(loaded.renders).toEqual(cache.renders);
    expect(loaded.learned).toEqual(cache.learned);
    expect(loaded.search).toEqual(cache.search);
    await cleanup(dir);
  });

  it("is empty when from another generator, or when its index or any segment is damaged or gone", async () => {
    const dir = await tempDir();
    await saveCache(dir, "stamp", sampleCache(10_000));
    expect((await loadCache(dir, "stamp")).renders.size).toBe(10_000);
    expect((await loadCache(dir, "other stamp")).renders.size).toBe(0);
    const segments = path.join(dir, SEGMENTS_DIR);
    const names = await readdir(segments);
    expect(names.length).toBeGreaterThan(1);
    const damages: ((bytes: Buffer) => Buffer)[] = [
      (bytes) => bytes.subarray(0, Math.floor(bytes.length * 0.6)),
      // One bit of one string: still a well-formed serialisation, but not what was saved.
      (bytes) => {
        const copy = Buffer.from(bytes);
        const at = copy.indexOf("key-");
        copy[at + 1] = (copy[at + 1] as number) ^ 1;
        return copy;
      },
    ];
    for (const damage of damages) {
      for (const file of [
        path.join(dir, CACHE_FILE),
        ...names.map((n) => path.join(segments, n)),
      ]) {
        const bytes = await readFile(file);
        await writeFile(file, damage(bytes));
        expect((await loadCache(dir, "stamp")).renders.size).toBe(0);
        await writeFile(file, bytes);
      }
    }
    expect((await loadCache(dir, "stamp")).renders.size).toBe(10_000);
    await writeFile(path.join(dir, CACHE_FILE), "garbage");
    expect((await loadCache(dir, "stamp")).renders.size).toBe(0);
    await cleanup(dir);
  });

  it("is only replaced when sealed, and a writer that stops early leaves the old one whole", async () => {
    const dir = await tempDir();
    const old = sampleCache(3);
    await saveCache(dir, "stamp", old);
    const writing = await writeCache(dir, "stamp");
    await writing.write("learned", emptyCache().learned);
    await writing.write("renders", sampleCache(9000).renders);
    expect((await loadCache(dir, "stamp")).renders).toEqual(old.renders);
    await writing.abort();
    expect((await loadCache(dir, "stamp")).renders).toEqual(old.renders);
    // A build killed before sealing never aborts: its segments stay until the next seal.
    const killed = await writeCache(dir, "stamp");
    await killed.write("renders", sampleCache(5).renders);
    expect((await loadCache(dir, "stamp")).renders).toEqual(old.renders);
    const next = sampleCache(7);
    await saveCache(dir, "stamp", next);
    expect((await loadCache(dir, "stamp")).renders).toEqual(next.renders);
    expect((await readdir(path.join(dir, SEGMENTS_DIR))).length).toBe(2);
    await cleanup(dir);
  });

  it("writes again only the buckets whose entries changed since it was loaded", async () => {
    const dir = await tempDir();
    await saveCache(dir, "stamp", sampleCache(20_000));
    const segments = path.join(dir, SEGMENTS_DIR);
    const before = new Set(await readdir(segments));
    const loaded = await loadCache(dir, "stamp");
    const renders = new Map(loaded.renders);
    renders.set("page-7/index.html", "edited");
    const writing = await writeCache(dir, "stamp", loaded);
    await writing.write("learned", loaded.learned);
    await writing.write("cleans", loaded.cleans);
    await writing.write("renders", renders);
    await writing.seal(loaded.search);
    const after = await readdir(segments);
    expect(after.filter((name) => !before.has(name))).toHaveLength(1);
    expect(after).toHaveLength(before.size);
    expect((await loadCache(dir, "stamp")).renders).toEqual(renders);
    await cleanup(dir);
  });
});

describe("the loaded cache", () => {
  it("copies the near-duplicate signatures into one slab, not views into the file", async () => {
    const dir = await tempDir();
    const cache = emptyCache();
    const record: ArticleRecord = {
      file: "in/0.txt",
      url: "https://example.com/a",
      link: "https://example.com/a",
      urlKey: "example.com/a",
      domain: "example.com",
      section: null,
      authors: ["Ann Lee"],
      published: null,
      title: "A",
      slug: "a",
      wordCount: 1,
      readingMinutes: 1,
      contentHash: "h",
      summary: "",
      suspect: null,
      repairedEncoding: false,
    };
    for (let i = 0; i < 3; i++) {
      const signature = Uint32Array.from({ length: 128 }, (_, k) => k * (i + 1));
      cache.cleans.set(`/in/${i}.txt`, { profileDigest: "p", record, signature });
    }
    await saveCache(dir, "stamp", cache);
    const loaded = await loadCache(dir, "stamp");
    const slabs = new Set<ArrayBufferLike>();
    for (const [key, clean] of cache.cleans) {
      const signature = loaded.cleans.get(key)?.signature;
      expect(signature).toEqual(clean.signature);
      expect(signature?.buffer.byteLength).toBe(FIRST_CHUNK);
      if (signature) slabs.add(signature.buffer);
      expect(loaded.cleans.get(key)?.record).toEqual(record);
    }
    expect(slabs.size).toBe(1);
    await cleanup(dir);
  });
});

describe("template digests", () => {
  const digests = (dir: string) =>
    templateDigests(dir, ["layout.eta", "article.eta", "partials"], ["article.eta"]);

  it("leave other pages alone when only the article template changes, unless they include it", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "partials"));
    await writeFile(path.join(dir, "layout.eta"), "<main><%~ it.body %></main>");
    await writeFile(path.join(dir, "article.eta"), '<% layout("./layout") %>article');
    await writeFile(path.join(dir, "listing.eta"), '<% layout("./layout") %>listing');
    await writeFile(path.join(dir, "partials/entry.eta"), "entry");
    const before = await digests(dir);

    await writeFile(path.join(dir, "article.eta"), '<% layout("./layout") %>article, edited');
    const articleEdited = await digests(dir);
    expect(articleEdited.article).not.toBe(before.article);
    expect(articleEdited.pages).toBe(before.pages);
    expect(articleEdited.all).not.toBe(before.all);

    await writeFile(path.join(dir, "listing.eta"), '<% layout("./layout") %>listing, edited');
    const listingEdited = await digests(dir);
    expect(listingEdited.pages).not.toBe(articleEdited.pages);
    expect(listingEdited.article).toBe(articleEdited.article);

    await writeFile(path.join(dir, "listing.eta"), '<%~ include("./article", it) %>');
    const including = await digests(dir);
    await writeFile(path.join(dir, "article.eta"), "article, edited again");
    expect((await digests(dir)).pages).not.toBe(including.pages);
    await cleanup(dir);
  });
});
