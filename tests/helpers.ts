import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { build, cacheDirFor } from "../src/build/build.js";
import type { BuildOptions, BuildResult, Entry } from "../src/core/types.js";

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, "..");

/** Options for a test build of `inputs` into `out`, with the built-in templates. */
export function testOptions(
  inputs: string[],
  out: string,
  overrides: Partial<BuildOptions> = {},
): BuildOptions {
  return {
    inputs,
    out,
    baseUrl: null,
    title: "Test archive",
    pageSize: 50,
    templates: path.join(ROOT, "templates"),
    raw: false,
    includeSuspect: false,
    workers: 1,
    strict: false,
    quiet: true,
    ...overrides,
  };
}

/** An archive entry for unit tests: undated, no authors, with the given fields over those. */
export function testEntry(fields: Partial<Entry> = {}): Entry {
  return {
    id: 0,
    path: "undated/0/index.html",
    file: "0.txt",
    title: "T",
    authors: [],
    published: null,
    domain: null,
    section: null,
    url: "",
    link: null,
    wordCount: 1,
    readingMinutes: 1,
    contentHash: "",
    summary: "",
    alsoAt: [],
    mergedFiles: [],
    ...fields,
  };
}

/** A fresh temporary folder; remove it with `rm(dir, { recursive: true })`. */
export function tempDir(prefix = "broadsheet-test-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Builds the fixture site `tests/sites/<name>/seeds` into a new temporary folder. */
export async function buildFixture(
  name: string,
  overrides: Partial<BuildOptions> = {},
): Promise<{ dir: string; out: string; result: BuildResult }> {
  const dir = await tempDir();
  const out = path.join(dir, "site");
  const result = await build(
    testOptions([path.join(ROOT, "tests/sites", name, "seeds")], out, overrides),
  );
  return { dir, out, result };
}

/** Every file under `dir`, as sorted POSIX paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** Reads a built file as text. */
export function readSite(out: string, relPath: string): Promise<string> {
  return readFile(path.join(out, relPath), "utf8");
}

/** Removes a temporary folder. */
export function cleanup(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/**
 * Builds `options` from scratch into a new folder under `dir` and expects `out` to hold exactly
 * the same files with the same bytes; the clean build and its cache are removed afterwards.
 */
export async function expectSameAsCleanBuild(
  out: string,
  options: BuildOptions,
  dir: string,
): Promise<void> {
  const clean = path.join(dir, `clean-${Math.random().toString(36).slice(2)}`);
  await build({ ...options, out: clean });
  const expected = await listFiles(clean);
  expect(await listFiles(out)).toEqual(expected);
  for (const f of expected) {
    expect([f, await readFile(path.join(out, f), "utf8")]).toEqual([
      f,
      await readFile(path.join(clean, f), "utf8"),
    ]);
  }
  await rm(clean, { recursive: true });
  await rm(cacheDirFor(clean), { recursive: true, force: true });
}
