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

/** Where the damage goes: a folder of the build, and which of its files the n-th change picks. */
interface Target {
  readonly root: (out: string) => string;
  readonly pick: (files: readonly string[], n: number) => string;
}

/**
 * Builds the fixture, damages the target's files as `changes` say (a file once deleted is left
 * alone), edits an input when asked, builds again and expects the clean build's site.
 */
async function rebuildAfterDamage(
  target: Target,
  changes: readonly { file: number; how: Tamper }[],
  editInput: boolean,
  at: number,
): Promise<void> {
  const dir = await tempDir();
  try {
    const input = path.join(dir, "in");
    await cp(FIXTURE, input, { recursive: true });
    const options = testOptions([input], path.join(dir, "site"), { pageSize: 2 });
    await build(options);
    const root = target.root(options.out);
    const files = await listFiles(root);
    const deleted = new Set<string>();
    for (const { file, how } of changes) {
      const pick = target.pick(files, file);
      if (deleted.has(pick)) continue;
      await tamper(root, pick, how, at);
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
}

/** The output's files, the search index's first: the index is kept or made whole. */
const OUTPUT: Target = {
  root: (out) => out,
  pick: (files, n) => {
    const ordered = [
      ...files.filter((f) => f.startsWith("search/index/")),
      ...files.filter((f) => !f.startsWith("search/index/")),
    ];
    return ordered[n % (n % 2 === 0 ? 8 : ordered.length)] as string;
  },
};

const CACHE: Target = {
  root: cacheDirFor,
  pick: (files, n) => files[n % files.length] as string,
};

describe("a rebuild after output files were changed by hand", () => {
  it("yields exactly the clean build's site, with or without an input edited too", async () => {
    await fc.assert(
      fc.asyncProperty(tampering, fc.boolean(), (changes, editInput) =>
        rebuildAfterDamage(OUTPUT, changes, editInput, 0),
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});

describe("a rebuild after cache files were damaged", () => {
  it("yields exactly the clean build's site, with or without an input edited too", async () => {
    await fc.assert(
      fc.asyncProperty(tampering, fc.boolean(), fc.nat(), (changes, editInput, at) =>
        rebuildAfterDamage(CACHE, changes, editInput, at),
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
