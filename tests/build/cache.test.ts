import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type BuildCache,
  CACHE_FILE,
  emptyCache,
  loadCache,
  saveCache,
  templateDigests,
  writeCache,
} from "../../src/build/cache.js";
import type { ArticleRecord } from "../../src/model/archive.js";
import { cleanup, tempDir } from "../helpers.js";

/** A cache with more entries than one saved frame holds. */
function sampleCache(n: number): BuildCache {
  const cache = emptyCache();
  for (let i = 0; i < n; i++) cache.renders.set(`page-${i}/index.html`, `key-${i}`);
  cache.learned.set("/in/a.txt", {
    size: 10,
    mtimeMs: 1,
    learned: { display: "a.txt", contentHash: "h", diagnostics: [], facts: null },
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

  it("is empty when truncated, from another generator, or garbage", async () => {
    const dir = await tempDir();
    await saveCache(dir, "stamp", sampleCache(10_000));
    expect((await loadCache(dir, "other stamp")).renders.size).toBe(0);
    const file = path.join(dir, CACHE_FILE);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect((await loadCache(dir, "stamp")).renders.size).toBe(0);
    await writeFile(file, "garbage");
    expect((await loadCache(dir, "stamp")).renders.size).toBe(0);
    await cleanup(dir);
  });

  it("is only replaced when sealed, and is empty when a build stopped before sealing it", async () => {
    const dir = await tempDir();
    const old = sampleCache(3);
    await saveCache(dir, "stamp", old);
    const writing = await writeCache(dir, "stamp");
    await writing.write("learned", sampleCache(1).learned);
    expect((await loadCache(dir, "stamp")).renders).toEqual(old.renders);
    await writing.abort();
    expect((await loadCache(dir, "stamp")).renders).toEqual(old.renders);

    const killed = await writeCache(dir, "stamp");
    await killed.write("renders", sampleCache(5).renders);
    const file = path.join(dir, CACHE_FILE);
    // What the file holds when the build died after writing these frames.
    await rename(`${file}.tmp`, file);
    expect((await loadCache(dir, "stamp")).renders.size).toBe(0);
    await killed.abort();
    await cleanup(dir);
  });
});

describe("the loaded cache", () => {
  it("gives each near-duplicate signature a buffer of its own, not a view into the file", async () => {
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
    for (const [key, clean] of cache.cleans) {
      const signature = loaded.cleans.get(key)?.signature;
      expect(signature).toEqual(clean.signature);
      expect(signature?.buffer.byteLength).toBe(128 * 4);
      expect(loaded.cleans.get(key)?.record).toEqual(record);
    }
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
