import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, cacheDirFor } from "../../src/build/build.js";
import { openSpool, readSpooled, releaseWhenRead, spoolArticles } from "../../src/build/spool.js";
import {
  analyzeArticles,
  type CleanMode,
  cleanFiles,
  learnFiles,
  type RenderItem,
  type TaskFile,
} from "../../src/build/tasks.js";
import { EMPTY_PROFILE } from "../../src/clean/profile.js";
import { BuildError } from "../../src/core/errors.js";
import type { Article, Entry } from "../../src/core/types.js";
import { parseSource } from "../../src/parse/parse-source.js";
import { cleanup, ROOT, tempDir, testEntry, testOptions } from "../helpers.js";

const FIXTURE = path.join(ROOT, "tests/sites/basic/seeds");
const MODE: CleanMode = { raw: false, profile: EMPTY_PROFILE };

async function fixtureFiles(dir: string): Promise<TaskFile[]> {
  await cp(FIXTURE, dir, { recursive: true });
  const names = (await readdir(dir)).filter((n) => n.endsWith(".txt")).sort();
  return names.map((n) => ({ absolute: path.join(dir, n), display: n }));
}

function entryFor(file: TaskFile, id: number): Entry {
  return testEntry({ id, path: `undated/${id}/index.html`, file: file.display });
}

describe("the spool of parsed and cleaned articles", () => {
  it("gives back each article as written, with gaps where there was none", async () => {
    const dir = await tempDir();
    try {
      const files = await fixtureFiles(path.join(dir, "in"));
      const slots = files.flatMap((f) => [f, f]);
      const articles: (Article | null)[] = [];
      for (const f of files) {
        articles.push(
          parseSource({ path: f.display, bytes: await readFile(f.absolute) }).article,
          null,
        );
      }
      const spans = spoolArticles(path.join(dir, "0.bin"), articles);
      expect(spans.map((s) => s === null)).toEqual(articles.map((a) => a === null));
      const refs = spans.map((s) => (s === null ? null : { file: path.join(dir, "0.bin"), ...s }));
      expect(readSpooled(refs, slots)).toEqual(articles);
      // An article read back for another file is not taken for it.
      const shifted = [...slots.slice(2), ...slots.slice(0, 2)];
      expect(readSpooled(refs, shifted).filter((a) => a !== null)).toEqual([]);
    } finally {
      await cleanup(dir);
    }
  });

  it("spools nothing where it cannot write, for the next pass to parse again", async () => {
    const dir = await tempDir();
    try {
      const article = parseSource({
        path: "a.txt",
        bytes: await readFile(path.join(FIXTURE, "a-harbour.txt")),
      }).article;
      expect(spoolArticles(path.join(dir, "missing", "0.bin"), [article, null])).toEqual([
        null,
        null,
      ]);
    } finally {
      await cleanup(dir);
    }
  });

  it("reads an article it cannot find as missing, for the caller to parse again", async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir, "0.bin");
      await writeFile(file, "short");
      expect(
        readSpooled(
          [
            { file: path.join(dir, "gone.bin"), offset: 0, length: 5 },
            { file, offset: 2, length: 10 },
            undefined,
          ],
          [{ display: "a.txt" }, { display: "b.txt" }, { display: "c.txt" }],
        ),
      ).toEqual([null, null, null]);
    } finally {
      await cleanup(dir);
    }
  });

  it("is cleared when opened and gone once removed", async () => {
    const dir = await tempDir();
    try {
      await mkdir(path.join(dir, "spool", "cleaned"), { recursive: true });
      await writeFile(path.join(dir, "spool", "cleaned", "7.bin"), "left by a killed build");
      const spool = await openSpool(dir);
      expect(await readdir(path.join(spool.dir, "cleaned"))).toEqual([]);
      expect(spool.fileOf("parsed", 3)).toBe(path.join(dir, "spool", "parsed", "3.bin"));
      await writeFile(spool.fileOf("parsed", 3), "read by the cleaning pass");
      await spool.drop("parsed");
      expect(await readdir(spool.dir)).toEqual(["cleaned"]);
      await spool.remove();
      expect(existsSync(spool.dir)).toBe(false);
    } finally {
      await cleanup(dir);
    }
  });

  it("deletes a spool file once every article in it was read back, not before", async () => {
    const dir = await tempDir();
    try {
      const [a, b] = [path.join(dir, "a.bin"), path.join(dir, "b.bin")];
      await writeFile(a, "two articles");
      await writeFile(b, "one article");
      const refs = [
        { file: a, offset: 0, length: 3 },
        { file: a, offset: 3, length: 9 },
        { file: b, offset: 0, length: 11 },
      ];
      const release = releaseWhenRead(refs);
      const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
      release(refs[0]);
      release(undefined);
      await settle();
      expect([existsSync(a), existsSync(b)]).toEqual([true, true]);
      release(refs[1]);
      await settle();
      expect([existsSync(a), existsSync(b)]).toEqual([false, true]);
    } finally {
      await cleanup(dir);
    }
  });

  it("lets the cleaning pass use what the first pass parsed, not the input file again", async () => {
    const dir = await tempDir();
    try {
      const files = await fixtureFiles(path.join(dir, "in"));
      const spoolFile = path.join(dir, "0.bin");
      const { learned, spooled } = await learnFiles(files, null, spoolFile);
      expect(spooled).toHaveLength(learned.length);
      const parsed = spooled.map((span) => (span === null ? null : { file: spoolFile, ...span }));
      const fromInputs = await cleanFiles(files, MODE);
      for (const f of files) await rm(f.absolute);
      const fromSpool = await cleanFiles(files, MODE, null, parsed);
      expect(fromSpool.map((c) => c.record)).toEqual(fromInputs.map((c) => c.record));
      expect(fromSpool.filter((c) => c.record !== null).length).toBeGreaterThan(3);
    } finally {
      await cleanup(dir);
    }
  });

  it("lets the render pass use what cleaning left, not the input file again", async () => {
    const dir = await tempDir();
    try {
      const files = await fixtureFiles(path.join(dir, "in"));
      const spoolFile = path.join(dir, "0.bin");
      const cleaned = await cleanFiles(files, MODE, spoolFile);
      const items: RenderItem[] = [];
      files.forEach((file, i) => {
        const span = cleaned[i]?.spooled;
        if (span == null) return;
        const entry = entryFor(file, items.length);
        items.push({
          file,
          entry,
          nav: { newer: null, older: null },
          spooled: { file: spoolFile, ...span },
        });
      });
      expect(items.length).toBeGreaterThan(3);
      const fromInputs = await analyzeArticles(items, MODE);
      for (const item of items) await rm(item.file.absolute);
      expect(await analyzeArticles(items, MODE)).toEqual(fromInputs);
      const unspooled = items.map((item) => ({ ...item, spooled: null }));
      await expect(analyzeArticles(unspooled, MODE)).rejects.toBeInstanceOf(BuildError);
    } finally {
      await cleanup(dir);
    }
  });

  it("is not left behind by a build", async () => {
    const dir = await tempDir();
    try {
      const out = path.join(dir, "site");
      await build(testOptions([FIXTURE], out));
      expect(existsSync(path.join(cacheDirFor(out), "spool"))).toBe(false);
    } finally {
      await cleanup(dir);
    }
  });
});
