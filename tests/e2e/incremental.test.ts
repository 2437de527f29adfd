import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build, cacheDirFor } from "../../src/build/build.js";
import { SEARCH_BASE_FILE } from "../../src/build/search-base.js";
import type { BuildOptions } from "../../src/core/types.js";
import { DOC_CHUNK, INDEX_DIR } from "../../src/render/search/shard-writer.js";
import {
  cleanup,
  expectSameAsCleanBuild,
  listFiles,
  ROOT,
  tempDir,
  testOptions,
} from "../helpers.js";

const FIXTURE = path.join(ROOT, "tests/sites/basic/seeds");

type Change =
  | { kind: "edit"; file: number; text: string }
  | { kind: "add"; file: number; n: number }
  | { kind: "delete"; file: number }
  | { kind: "rename"; file: number }
  | { kind: "template"; name: "article.eta" | "listing.eta"; n: number }
  | { kind: "config"; pageSize: number; title: string };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constant("edit" as const),
    file: fc.nat(20),
    text: fc.constantFrom("A new closing line.", "Sanctions were lifted.", "Müller said “no”."),
  }),
  fc.record({ kind: fc.constant("add" as const), file: fc.nat(20), n: fc.nat(1000) }),
  fc.record({ kind: fc.constant("delete" as const), file: fc.nat(20) }),
  fc.record({ kind: fc.constant("rename" as const), file: fc.nat(20) }),
  fc.record({
    kind: fc.constant("template" as const),
    name: fc.constantFrom("article.eta" as const, "listing.eta" as const),
    n: fc.nat(1000),
  }),
  fc.record({
    kind: fc.constant("config" as const),
    pageSize: fc.integer({ min: 1, max: 4 }),
    title: fc.constantFrom("Archive A", "Archive B"),
  }),
);

async function articleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
}

async function apply(
  c: Change,
  input: string,
  templates: string,
  options: BuildOptions,
): Promise<BuildOptions> {
  const files = await articleFiles(input);
  const pick =
    files[c.kind === "template" || c.kind === "config" ? 0 : c.file % Math.max(1, files.length)];
  switch (c.kind) {
    case "edit":
      if (pick)
        await writeFile(
          path.join(input, pick),
          `${await readFile(path.join(input, pick), "utf8")}\n${c.text}\n`,
        );
      return options;
    case "add":
      if (pick) {
        const text = await readFile(path.join(input, pick), "utf8");
        await writeFile(
          path.join(input, `new-${c.n}.txt`),
          text.replace(/^(\S+)/, `$1?copy=${c.n}`).replace(/\n(.*)\n \n/, `\n$1 (${c.n})\n \n`),
        );
      }
      return options;
    case "delete":
      if (pick && files.length > 1) await rm(path.join(input, pick));
      return options;
    case "rename":
      if (pick) await rename(path.join(input, pick), path.join(input, `renamed-${pick}`));
      return options;
    case "template": {
      const file = path.join(templates, c.name);
      await writeFile(file, `${await readFile(file, "utf8")}<!-- ${c.n} -->\n`);
      return options;
    }
    case "config":
      return { ...options, pageSize: c.pageSize, title: c.title };
  }
}

describe("incremental builds", () => {
  it("produce exactly what a clean build produces, after any sequence of changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
        const dir = await tempDir();
        try {
          const input = path.join(dir, "in");
          const templates = path.join(dir, "templates");
          await cp(FIXTURE, input, { recursive: true });
          await cp(path.join(ROOT, "templates"), templates, { recursive: true });
          let options = testOptions([input], path.join(dir, "site"), { templates, pageSize: 2 });
          await build(options);
          for (const c of changes) {
            options = await apply(c, input, templates, options);
            await build(options);
            await expectSameAsCleanBuild(options.out, options, dir);
          }
        } finally {
          await cleanup(dir);
        }
      }),
      { numRuns: 6 },
    );
  }, 240_000);

  it("analyses articles again when the search base whose keys it read fails its check", async () => {
    const dir = await tempDir();
    const input = path.join(dir, "in");
    const templates = path.join(dir, "templates");
    await cp(FIXTURE, input, { recursive: true });
    await cp(path.join(ROOT, "templates"), templates, { recursive: true });
    const options = testOptions([input], path.join(dir, "site"), { templates });
    await build(options);
    // A template edit renders every article page again, and an article edit rebuilds search:
    // the pages come back without search documents, expected from the base.
    const article = (await articleFiles(input))[0] as string;
    await writeFile(
      path.join(input, article),
      `${await readFile(path.join(input, article), "utf8")}\n\nA line added later.\n`,
    );
    await writeFile(
      path.join(templates, "article.eta"),
      `${await readFile(path.join(templates, "article.eta"), "utf8")}<!-- edited -->\n`,
    );
    const base = path.join(cacheDirFor(options.out), SEARCH_BASE_FILE);
    const bytes = await readFile(base);
    bytes[bytes.length - 1] = (bytes.at(-1) as number) ^ 1;
    await writeFile(base, bytes);
    await build(options);
    await expectSameAsCleanBuild(options.out, options, dir);
    await cleanup(dir);
  }, 60_000);

  it("still yields a correct site from a corrupted cache", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "site");
    const options = testOptions([FIXTURE], out);
    await build(options);
    const expected = await listFiles(out);
    const cacheDir = cacheDirFor(out);
    for (const entry of await readdir(cacheDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) await writeFile(path.join(entry.parentPath, entry.name), "garbage");
    }
    await writeFile(path.join(out, "index.html"), "stale");
    await build(options);
    expect(await listFiles(out)).toEqual(expected);
    const clean = path.join(dir, "clean");
    await build({ ...options, out: clean });
    for (const f of expected)
      expect(await readFile(path.join(out, f), "utf8")).toBe(
        await readFile(path.join(clean, f), "utf8"),
      );
    await cleanup(dir);
  }, 60_000);

  it("rewrites pages changed in the output when a template edit renders them to the same bytes", async () => {
    const dir = await tempDir();
    const templates = path.join(dir, "templates");
    await cp(path.join(ROOT, "templates"), templates, { recursive: true });
    const options = testOptions([FIXTURE], path.join(dir, "site"), { templates });
    await build(options);
    const listing = (await listFiles(options.out)).find((f) => f.startsWith("authors/"));
    if (listing === undefined) throw new Error("the fixture has no author page");
    const article = (await listFiles(options.out)).find((f) =>
      /^\d{4}\/\d\d\/\d\d\/[^/]+\//.test(f),
    );
    if (article === undefined) throw new Error("the fixture has no dated article page");
    // Comments in the layout change no page's bytes, but make every page render again.
    await writeFile(
      path.join(templates, "layout.eta"),
      `${await readFile(path.join(templates, "layout.eta"), "utf8")}<% /* edited */ %>`,
    );
    for (const page of [listing, article])
      await writeFile(path.join(options.out, page), "changed behind the build's back");
    const result = await build(options);
    expect(result.written).toBe(2);
    await expectSameAsCleanBuild(options.out, options, dir);
    await cleanup(dir);
  }, 60_000);

  it("keeps the search chunks an edit leaves alone, and writes one changed behind its back", async () => {
    const dir = await tempDir();
    const input = path.join(dir, "in");
    await mkdir(input, { recursive: true });
    // Enough articles for several stored-field chunks, each text its own (no near-duplicates).
    const words = (i: number, k: number) => `w${(i * 31 + k * 17) % 997}x${k}`;
    for (let i = 0; i < 3 * DOC_CHUNK + 5; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      const month = String(1 + Math.floor(i / 28)).padStart(2, "0");
      const body = Array.from({ length: 4 }, (_, p) =>
        Array.from({ length: 30 }, (_, k) => words(i, p * 30 + k)).join(" "),
      ).join("\n\n");
      await writeFile(
        path.join(input, `a${i}.txt`),
        `https://news.example.com/2020/${month}/${day}/story-${i}\n['Ann Lee']\n2020-${month}-${day} 00:00:00\nStory number ${i}\n \n${body}\n`,
      );
    }
    const options = testOptions([input], path.join(dir, "site"));
    await build(options);
    const chunk = (n: number) => path.join(options.out, INDEX_DIR, `d${n}.js`);
    const before = await Promise.all([0, 1, 2, 3].map((n) => stat(chunk(n))));
    // The first words of the text are in its snippet, so its chunk changes.
    const edit = async (from: string, to: string) => {
      const file = path.join(input, "a0.txt");
      await writeFile(file, (await readFile(file, "utf8")).replace(from, to));
    };
    await edit("w0x0", "changed");
    await build(options);
    await expectSameAsCleanBuild(options.out, options, dir);
    const after = await Promise.all([0, 1, 2, 3].map((n) => stat(chunk(n))));
    expect(after.filter((s, n) => s.mtimeMs === before[n]?.mtimeMs).length).toBe(3);

    await writeFile(chunk(1), "changed behind the build's back");
    await edit("w17x1", "again");
    await build(options);
    await expectSameAsCleanBuild(options.out, options, dir);
    await cleanup(dir);
  }, 60_000);
});
