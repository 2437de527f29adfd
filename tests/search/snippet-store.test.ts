import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeForSearch } from "../../src/render/search/analyze.js";
import { createSearchIndexBuilder } from "../../src/render/search/index-builder.js";
import {
  fileSnippets,
  memorySnippets,
  type SnippetStore,
} from "../../src/render/search/snippet-store.js";
import { cleanup, tempDir } from "../helpers.js";
import { doc, word } from "./fixtures.js";

/** Snippets of many sizes, over 2 MB together, so a file store writes several chunks. */
const texts = Array.from({ length: 900 }, (_, i) => `${i}: ${"ü".repeat((i * 37) % 2500)}`);
const snippets = texts.map((t) => new TextEncoder().encode(t));
const decoder = new TextDecoder();

function roundTrip(store: SnippetStore): void {
  snippets.forEach((s, i) => {
    store.add(s);
    // Read back while later ones are still being added, as well as after.
    if (i % 100 === 0) expect(decoder.decode(store.get(i))).toBe(texts[i]);
  });
  snippets.forEach((s, i) => {
    expect(store.length(i)).toBe(s.length);
    expect(decoder.decode(store.get(i))).toBe(texts[i]);
  });
  expect(() => store.get(snippets.length)).toThrow(/no snippet 900/);
  expect(() => store.length(-1)).toThrow(/no snippet -1/);
}

describe("the search index's snippet stores", () => {
  it("give back in memory what was added", () => {
    roundTrip(memorySnippets());
  });

  it("give back from a file what was added, and remove the file on close", async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir, "snippets.bin");
      const store = fileSnippets(file);
      roundTrip(store);
      expect(existsSync(file)).toBe(true);
      store.close();
      expect(existsSync(file)).toBe(false);
    } finally {
      await cleanup(dir);
    }
  });

  it("make the same index files whether snippets are kept in memory or on disk", async () => {
    const dir = await tempDir();
    try {
      const docs = Array.from({ length: 120 }, (_, i) =>
        doc(i, {
          title: `${word(i)} report`,
          source: `site${i % 3}.com`,
          text: Array.from({ length: 400 }, (_, k) => word((i * 13 + k) % 500)).join(" "),
        }),
      );
      const build = (store: SnippetStore) => {
        const builder = createSearchIndexBuilder(store);
        for (const d of docs) builder.add(analyzeForSearch(d), String(d.id));
        return [...builder.finish()];
      };
      const file = path.join(dir, "snippets.bin");
      expect(build(fileSnippets(file))).toEqual(build(memorySnippets()));
      expect(existsSync(file)).toBe(false);
    } finally {
      await cleanup(dir);
    }
  });
});
