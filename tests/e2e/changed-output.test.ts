import { cp, readFile, rm, truncate, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, it } from "vitest";
import { build, cacheDirFor } from "../../src/build/build.js";
import {
  cleanup,
  expectSameAsCleanBuild,
  listFiles,
  ROOT,
  tempDir,
  testOptions,
} from "../helpers.js";

const FIXTURE = path.join(ROOT, "tests/sites/basic/seeds");

/** What a person or another tool can do to a built file behind the generator's back. */
type Tamper = "overwrite" | "truncate" | "delete" | "touch" | "append" | "flip";

const tampering = fc.array(
  fc.record({
    file: fc.nat(10_000),
    how: fc.constantFrom<Tamper>("overwrite", "truncate", "delete", "touch", "append", "flip"),
  }),
  { minLength: 1, maxLength: 4 },
);

async function tamper(root: string, relPath: string, how: Tamper, at = 0): Promise<void> {
  const file = path.join(root, relPath);
  switch (how) {
    case "overwrite":
      return writeFile(file, "changed by hand");
    case "truncate":
      return truncate(file, 0);
    case "delete":
      return rm(file, { force: true });
    case "touch": {
      const later = new Date(Date.now() + 60_000);
      return utimes(file, later, later);
    }
    case "append":
      return writeFile(file, `${await readFile(file, "utf8")}\n`);
    case "flip": {
      const bytes = await readFile(file);
      if (bytes.length === 0) return;
      const i = at % bytes.length;
      bytes[i] = (bytes[i] as number) ^ 1;
      return writeFile(file, bytes);
    }
  }
}

describe("a rebuild after output files were changed by hand", () => {
  it("yields exactly the clean build's site, with or without an input edited too", async () => {
    await fc.assert(
      fc.asyncProperty(tampering, fc.boolean(), async (changes, editInput) => {
        const dir = await tempDir();
        try {
          const input = path.join(dir, "in");
          await cp(FIXTURE, input, { recursive: true });
          const options = testOptions([input], path.join(dir, "site"), { pageSize: 2 });
          await build(options);
          // The search index's files come first in the pick: the index is kept or made whole.
          const files = await listFiles(options.out);
          const ordered = [
            ...files.filter((f) => f.startsWith("search/index/")),
            ...files.filter((f) => !f.startsWith("search/index/")),
          ];
          const deleted = new Set<string>();
          for (const { file, how } of changes) {
            const pick = ordered[file % (file % 2 === 0 ? 8 : ordered.length)] as string;
            if (deleted.has(pick)) continue;
            await tamper(options.out, pick, how);
            if (how === "delete") deleted.add(pick);
          }
          if (editInput) {
            const first = path.join(input, "a-harbour.txt");
            await writeFile(first, `${await readFile(first, "utf8")}\nA line added later.\n`);
          }
          await build(options);
          await expectSameAsCleanBuild(options.out, options, dir);
        } finally {
          await cleanup(dir);
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});

describe("a rebuild after cache files were damaged", () => {
  it("yields exactly the clean build's site, with or without an input edited too", async () => {
    await fc.assert(
      fc.asyncProperty(tampering, fc.boolean(), fc.nat(), async (changes, editInput, at) => {
        const dir = await tempDir();
        try {
          const input = path.join(dir, "in");
          await cp(FIXTURE, input, { recursive: true });
          const options = testOptions([input], path.join(dir, "site"), { pageSize: 2 });
          await build(options);
          const cacheDir = cacheDirFor(options.out);
          const files = await listFiles(cacheDir);
          const deleted = new Set<string>();
          for (const { file, how } of changes) {
            const pick = files[file % files.length] as string;
            if (deleted.has(pick)) continue;
            await tamper(cacheDir, pick, how, at);
            if (how === "delete") deleted.add(pick);
          }
          if (editInput) {
            const first = path.join(input, "a-harbour.txt");
            await writeFile(first, `${await readFile(first, "utf8")}\nA line added later.\n`);
          }
          await build(options);
          await expectSameAsCleanBuild(options.out, options, dir);
        } finally {
          await cleanup(dir);
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
