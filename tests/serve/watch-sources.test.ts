import { mkdir, mkdtemp, realpath, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type SourceWatcher,
  type WatchTargets,
  watchRoots,
  watchSources,
} from "../../src/serve/watch-sources.js";

let base: string;
let targets: WatchTargets;
let watcher: SourceWatcher | null = null;
let seen: Set<string>;

beforeEach(async () => {
  // The real path: the watcher reports paths under the folder as given, which must match.
  base = await realpath(await mkdtemp(join(tmpdir(), "broadsheet-watch-sources-")));
  await mkdir(join(base, "in", "2018"), { recursive: true });
  await mkdir(join(base, "in", "node_modules"), { recursive: true });
  await mkdir(join(base, "templates"), { recursive: true });
  await writeFile(join(base, "in", "2018", "a.txt"), "a\n");
  await writeFile(join(base, "templates", "page.eta"), "<p>\n");
  await writeFile(join(base, "broadsheet.config.json"), "{}\n");
  await writeFile(join(base, "notes.txt"), "not watched\n");
  targets = {
    inputs: [join(base, "in")],
    templates: join(base, "templates"),
    configFile: join(base, "broadsheet.config.json"),
    out: join(base, "in", "dist"),
  };
  seen = new Set();
});

afterEach(async () => {
  await watcher?.close();
  watcher = null;
  await rm(base, { recursive: true, force: true });
});

async function start(): Promise<void> {
  const errors: unknown[] = [];
  watcher = watchSources(targets, {
    onChange: (path) => seen.add(path),
    onError: (error) => errors.push(error),
  });
  await watcher.ready;
  expect(errors).toEqual([]);
}

const sees = (path: string) =>
  expect.poll(() => seen.has(path), { timeout: 10_000, interval: 20 }).toBe(true);

describe("watchSources", () => {
  it("reports files changed, added in a new folder, saved through a temporary file and removed", async () => {
    await start();
    await writeFile(join(base, "in", "2018", "a.txt"), "a, edited\n");
    await sees(join(base, "in", "2018", "a.txt"));
    await mkdir(join(base, "in", "2019", "06"), { recursive: true });
    await writeFile(join(base, "in", "2019", "06", "b.txt"), "b\n");
    await sees(join(base, "in", "2019", "06", "b.txt"));
    await writeFile(join(base, "in", "2018", ".c.txt.tmp"), "c\n");
    await rename(join(base, "in", "2018", ".c.txt.tmp"), join(base, "in", "2018", "c.txt"));
    await sees(join(base, "in", "2018", "c.txt"));
    await rm(join(base, "in", "2018", "a.txt"));
    seen.delete(join(base, "in", "2018", "a.txt"));
    await sees(join(base, "in", "2018", "a.txt"));
  });

  it("reports the templates and the config file, and not the files beside the config", async () => {
    await start();
    await writeFile(join(base, "notes.txt"), "still not watched\n");
    await writeFile(join(base, "templates", "page.eta"), "<p>edited\n");
    await writeFile(join(base, "broadsheet.config.json"), '{"title":"T"}\n');
    await sees(join(base, "templates", "page.eta"));
    await sees(join(base, "broadsheet.config.json"));
    expect(seen.has(join(base, "notes.txt"))).toBe(false);
  });

  it("skips the output folder, dotfiles, node_modules and backups", async () => {
    await start();
    await mkdir(join(base, "in", "dist"), { recursive: true });
    await writeFile(join(base, "in", "dist", "index.html"), "<p>\n");
    await writeFile(join(base, "in", ".story.txt.swp"), "swap\n");
    await writeFile(join(base, "in", "node_modules", "x.txt"), "x\n");
    await writeFile(join(base, "in", "story.txt~"), "backup\n");
    // A change made after the skipped ones, seen once they would have been.
    await writeFile(join(base, "in", "last.txt"), "last\n");
    await sees(join(base, "in", "last.txt"));
    expect([...seen].sort()).toEqual([join(base, "in", "last.txt")]);
  });

  it("watches an input named through a symlink, reporting paths under the symlink", async () => {
    await symlink(join(base, "in"), join(base, "linked"));
    targets = { ...targets, inputs: [join(base, "linked")] };
    await start();
    await writeFile(join(base, "in", "2018", "a.txt"), "a, edited\n");
    await sees(join(base, "linked", "2018", "a.txt"));
    expect(seen.has(join(base, "in", "2018", "a.txt"))).toBe(false);
  });

  it("reports nothing once closed", async () => {
    await start();
    await watcher?.close();
    watcher = null;
    await writeFile(join(base, "in", "2018", "a.txt"), "a, edited\n");
    await new Promise((r) => setTimeout(r, 700));
    expect(seen.size).toBe(0);
  });
});

describe("watchRoots", () => {
  it("watches folder targets whole and a file target through its folder, alone", async () => {
    const roots = watchRoots(targets);
    expect(roots.map((r) => r.dir)).toEqual([join(base, "in"), join(base, "templates"), base]);
    const [only] = watchRoots(targets)[2]?.ignore ?? [];
    expect(only).toBeInstanceOf(RegExp);
    expect((only as RegExp).test("broadsheet.config.json")).toBe(false);
    expect((only as RegExp).test("notes.txt")).toBe(true);
    expect((only as RegExp).test("in")).toBe(true);
  });

  it("watches an input that does not exist yet through the folder it would be in", async () => {
    const roots = watchRoots({ ...targets, inputs: [join(base, "later.txt")], configFile: null });
    expect(roots.map((r) => r.dir)).toEqual([join(base, "templates"), base]);
  });
});
