import { access, cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build, cacheDirFor } from "../../src/build/build.js";
import { CACHE_FILE } from "../../src/build/cache-store.js";
import { type BuildSession, createBuildSession } from "../../src/build/session.js";
import type { BuildOptions } from "../../src/core/types.js";
import {
  cleanup,
  expectSameAsCleanBuild,
  listFiles,
  ROOT,
  tempDir,
  testOptions,
} from "../helpers.js";

const FIXTURE = path.join(ROOT, "tests/sites/basic/seeds");

async function setUp(): Promise<{ dir: string; input: string; options: BuildOptions }> {
  const dir = await tempDir();
  const input = path.join(dir, "in");
  await cp(FIXTURE, input, { recursive: true });
  return { dir, input, options: testOptions([input], path.join(dir, "site")) };
}

/** Runs `test` with a fresh copy of the fixture and an open session, then closes and removes both. */
async function inSession(
  test: (context: {
    dir: string;
    input: string;
    options: BuildOptions;
    session: BuildSession;
  }) => Promise<void>,
): Promise<void> {
  const { dir, input, options } = await setUp();
  const session = createBuildSession("on-close");
  try {
    await test({ dir, input, options, session });
  } finally {
    await session.close();
    await cleanup(dir);
  }
}

async function articleFiles(input: string): Promise<string[]> {
  return (await readdir(input)).filter((f) => f.endsWith(".txt")).sort();
}

/** Path of the page built from `file`, from the build's own data export. */
async function pageOf(out: string, file: string): Promise<string> {
  const rows = (await readFile(path.join(out, "articles.ndjson"), "utf8")).trim().split("\n");
  const row = rows.map((r) => JSON.parse(r) as { file: string; path: string });
  const found = row.find((r) => r.file.endsWith(path.basename(file)));
  if (!found) throw new Error(`no page for ${file}`);
  return found.path;
}

describe("build sessions", () => {
  it("write an edited article's page early, and the rebuild then matches a clean build", async () => {
    await inSession(async ({ dir, input, options, session }) => {
      const first = await session.build(options);
      expect(first.pages).toBe(
        (await listFiles(options.out)).filter((f) => f.endsWith(".html")).length,
      );
      const file = path.join(input, (await articleFiles(input))[0] ?? "");
      const page = path.join(options.out, await pageOf(options.out, file));
      await writeFile(file, `${await readFile(file, "utf8")}\nA closing line added by hand.\n`);
      expect(await session.preview([file])).toBe(1);
      const early = await readFile(page, "utf8");
      expect(early).toContain("A closing line added by hand.");
      await session.build(options, {}, [file]);
      expect(await readFile(page, "utf8")).toBe(early);
      await expectSameAsCleanBuild(options.out, options, dir);
    });
  }, 60_000);

  it("restore a previewed page when the edit is undone before the rebuild", async () => {
    await inSession(async ({ input, options, session }) => {
      await session.build(options);
      const file = path.join(input, (await articleFiles(input))[0] ?? "");
      const page = path.join(options.out, await pageOf(options.out, file));
      const before = await readFile(page, "utf8");
      const original = await readFile(file, "utf8");
      await writeFile(file, `${original}\nA line soon taken back.\n`);
      expect(await session.preview([file])).toBe(1);
      await writeFile(file, original);
      await session.build(options, {}, [file]);
      expect(await readFile(page, "utf8")).toBe(before);
    });
  }, 60_000);

  it("leave a retitled article to the rebuild, since its page moves", async () => {
    await inSession(async ({ dir, input, options, session }) => {
      await session.build(options);
      const file = path.join(input, (await articleFiles(input))[0] ?? "");
      const lines = (await readFile(file, "utf8")).split("\n");
      lines[3] = "An entirely new headline";
      await writeFile(file, lines.join("\n"));
      expect(await session.preview([file])).toBe(0);
      await session.build(options, {}, [file]);
      await expectSameAsCleanBuild(options.out, options, dir);
    });
  }, 60_000);

  it("keep the cache off disk while open, so a killed session never leaves a stale one", async () => {
    const { dir, options } = await setUp();
    await build(options);
    const cacheFile = path.join(cacheDirFor(options.out), CACHE_FILE);
    await access(cacheFile);
    const session = createBuildSession("on-close");
    await session.build(options);
    await expect(access(cacheFile)).rejects.toThrow();
    await session.close();
    await access(cacheFile);
    await cleanup(dir);
  }, 60_000);

  it("check every input when a changed path is not an input file as found", async () => {
    await inSession(async ({ input, options, session }) => {
      await session.build(options);
      const file = path.join(input, (await articleFiles(input))[1] ?? "");
      await writeFile(file, `${await readFile(file, "utf8")}\nSeen without being named.\n`);
      await session.build(options, {}, [path.join(ROOT, "templates", "article.eta")]);
      const page = await readFile(path.join(options.out, await pageOf(options.out, file)), "utf8");
      expect(page).toContain("Seen without being named.");
    });
  }, 60_000);

  it("match a clean build after any sequence of watched edits, additions and deletions", async () => {
    type Step = { kind: "edit" | "add" | "delete"; file: number; n: number };
    const step: fc.Arbitrary<Step> = fc.record({
      kind: fc.constantFrom("edit" as const, "add" as const, "delete" as const),
      file: fc.nat(20),
      n: fc.nat(1000),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        await inSession(async ({ dir, input, options, session }) => {
          const paged = { ...options, pageSize: 2 };
          await session.build(paged);
          for (const s of steps) {
            const files = await articleFiles(input);
            const pick = path.join(input, files[s.file % files.length] ?? "");
            let changed = pick;
            if (s.kind === "edit") {
              await writeFile(pick, `${await readFile(pick, "utf8")}\nLine ${s.n}.\n`);
            } else if (s.kind === "add") {
              changed = path.join(input, `new-${s.n}.txt`);
              const text = await readFile(pick, "utf8");
              await writeFile(changed, text.replace(/^(\S+)/, `$1?copy=${s.n}`));
            } else if (files.length > 1) {
              await rm(pick);
            }
            await session.preview([changed]);
            await session.build(paged, {}, [changed]);
            await expectSameAsCleanBuild(paged.out, paged, dir);
          }
        });
      }),
      { numRuns: 5 },
    );
  }, 240_000);
});
