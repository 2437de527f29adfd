import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { guardOutput } from "../../src/write/guard-output.js";
import {
  openOutput,
  type Staging,
  safeJoin,
  stagedPath,
  writeStaged,
} from "../../src/write/output.js";
import { cleanup, listFiles, tempDir } from "../helpers.js";

let dir: string;
let out: string;
let cache: string;
beforeEach(async () => {
  dir = await tempDir();
  out = path.join(dir, "dist");
  cache = path.join(dir, "cache");
});
afterEach(() => cleanup(dir));

async function buildWith(files: Record<string, string>) {
  const writer = await openOutput(out, cache);
  for (const [p, c] of Object.entries(files)) await writer.write(p, c);
  return writer.commit();
}

describe("output writer", () => {
  it("writes a first build by swapping in a staged folder", async () => {
    expect(await buildWith({ "index.html": "a", "x/y/index.html": "b" })).toEqual({
      written: 2,
      removed: 0,
    });
    expect(await listFiles(out)).toEqual(["index.html", "x/y/index.html"]);
    expect(await listFiles(dir)).not.toContain(".dist.staging");
  });

  it("rewrites only changed files and removes files no longer produced", async () => {
    await buildWith({ "a.html": "1", "b.html": "2", "old/c.html": "3" });
    const before = await stat(path.join(out, "a.html"));
    const result = await buildWith({ "a.html": "1", "b.html": "changed" });
    expect(result).toEqual({ written: 1, removed: 1 });
    expect((await stat(path.join(out, "a.html"))).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(path.join(out, "b.html"), "utf8")).toBe("changed");
    expect(await listFiles(out)).toEqual(["a.html", "b.html"]);
  });

  it("rewrites a file someone changed in the output behind its back", async () => {
    await buildWith({ "a.html": "1" });
    await writeFile(path.join(out, "a.html"), "tampered");
    expect((await buildWith({ "a.html": "1" })).written).toBe(1);
    expect(await readFile(path.join(out, "a.html"), "utf8")).toBe("1");
  });

  it("falls back to a full build when the manifest is corrupt", async () => {
    await buildWith({ "a.html": "1" });
    await writeFile(path.join(cache, "manifest.ndjson"), "{not json");
    expect((await buildWith({ "a.html": "1", "b.html": "2" })).written).toBe(2);
    expect(await listFiles(out)).toEqual(["a.html", "b.html"]);
    const manifest = await readFile(path.join(cache, "manifest.ndjson"), "utf8");
    await writeFile(path.join(cache, "manifest.ndjson"), manifest.slice(0, -1));
    expect((await buildWith({ "a.html": "1", "b.html": "2" })).written).toBe(2);
  });

  it("leaves the old site intact when a build is abandoned before commit", async () => {
    await buildWith({ "a.html": "old" });
    const writer = await openOutput(out, cache);
    await writer.write("a.html", "new");
    await writer.abort();
    expect(await readFile(path.join(out, "a.html"), "utf8")).toBe("old");
  });

  it("finishes a commit that was interrupted, from its journal", async () => {
    await buildWith({ "a.html": "old", "gone.html": "x" });
    const staging = path.join(dir, ".dist.staging");
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(staging, "a.html"), "new");
    await writeFile(
      path.join(cache, "journal.json"),
      JSON.stringify({ staging, moves: ["a.html"], deletes: ["gone.html"] }),
    );
    const writer = await openOutput(out, cache);
    await writer.abort();
    expect(await listFiles(out)).toEqual(["a.html"]);
    expect(await readFile(path.join(out, "a.html"), "utf8")).toBe("new");
  });

  it("finishes an interrupted commit of files staged side by side", async () => {
    await buildWith({ "a/b/index.html": "old", "gone.html": "x" });
    const staging: Staging = { dir: path.join(dir, ".dist.staging"), flat: true };
    await mkdir(staging.dir, { recursive: true });
    await writeFile(stagedPath(staging, "a/b/index.html"), "new");
    await writeFile(stagedPath(staging, "c/d/index.html"), "added");
    // Moved before the commit was interrupted: its staged file is gone.
    await mkdir(path.join(out, "e"), { recursive: true });
    await writeFile(path.join(out, "e/index.html"), "moved");
    await writeFile(
      path.join(cache, "journal.json"),
      JSON.stringify({
        staging: staging.dir,
        flat: true,
        moves: ["a/b/index.html", "c/d/index.html", "e/index.html"],
        deletes: ["gone.html"],
      }),
    );
    const writer = await openOutput(out, cache);
    await writer.abort();
    expect(await listFiles(out)).toEqual(["a/b/index.html", "c/d/index.html", "e/index.html"]);
    expect(await readFile(path.join(out, "a/b/index.html"), "utf8")).toBe("new");
    expect(await readFile(path.join(out, "e/index.html"), "utf8")).toBe("moved");
  });

  it("stages an incremental build's files in one folder and leaves none behind", async () => {
    await buildWith({ "a/b/index.html": "old", "x/index.html": "same" });
    const writer = await openOutput(out, cache);
    await writer.write("a/b/index.html", "new");
    await writer.write("x/index.html", "same");
    await writer.write("n/e/w/index.html", "added");
    expect(writer.staging.flat).toBe(true);
    expect((await readdir(writer.staging.dir)).sort()).toEqual(
      ["a/b/index.html", "n/e/w/index.html"]
        .map((p) => path.basename(stagedPath(writer.staging, p)))
        .sort(),
    );
    await writer.commit();
    expect(await listFiles(out)).toEqual(["a/b/index.html", "n/e/w/index.html", "x/index.html"]);
    expect(await readFile(path.join(out, "n/e/w/index.html"), "utf8")).toBe("added");
    expect(await listFiles(dir)).not.toContain(".dist.staging");
  });

  it("records each file's size and time as written, as the output holds them after the moves", async () => {
    const manifest = async () =>
      (await readFile(path.join(cache, "manifest.ndjson"), "utf8"))
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => JSON.parse(line) as [string, { size: number; mtimeMs: number }]);
    const fromStat = async (entries: [string, unknown][]) =>
      Promise.all(
        entries.map(async ([p]) => {
          const info = await stat(path.join(out, p));
          return [p, { size: info.size, mtimeMs: info.mtimeMs }];
        }),
      );
    const sizes = (entries: [string, { size: number; mtimeMs: number }][]) =>
      entries.map(([p, { size, mtimeMs }]) => [p, { size, mtimeMs }]);
    // A full build, then an incremental one: a worker's page, a page and a streamed file.
    for (const round of ["first", "second"]) {
      const writer = await openOutput(out, cache);
      const stamp = writeStaged(writer.staging, "w/index.html", `worker page, ${round} build`);
      writer.adopt("w/index.html", "hash", stamp);
      await writer.write("a/index.html", `page, ${round} build`);
      await writer.writeLines("list.ndjson", [`${round}\n`]);
      await writer.commit();
      const recorded = sizes(await manifest());
      expect(recorded.map(([p]) => p)).toEqual(["a/index.html", "list.ndjson", "w/index.html"]);
      expect(recorded).toEqual(await fromStat(recorded as [string, unknown][]));
    }
  });

  it("fails a streamed file that cannot be written with the error, not a crash", async () => {
    const writer = await openOutput(out, cache);
    await mkdir(stagedPath(writer.staging, "list.ndjson"), { recursive: true });
    await expect(writer.writeLines("list.ndjson", ["a\n", "b\n"])).rejects.toMatchObject({
      code: "EISDIR",
      path: stagedPath(writer.staging, "list.ndjson"),
    });
    await writer.abort();
  });

  it("refuses paths that leave the output folder", async () => {
    expect(() => safeJoin("/tmp/site", "../etc/passwd")).toThrow(/outside/);
    expect(() => safeJoin("/tmp/site", "/etc/passwd")).toThrow(/outside/);
    const writer = await openOutput(out, cache);
    await expect(writer.write("a/../../escape.html", "x")).rejects.toThrow(/outside/);
    await writer.abort();
    await buildWith({ "a.html": "old" });
    const incremental = await openOutput(out, cache);
    expect(incremental.staging.flat).toBe(true);
    await expect(incremental.write("a/../../escape.html", "x")).rejects.toThrow(/outside/);
    expect(() => stagedPath(incremental.staging, "../escape.html")).toThrow(/outside/);
    await incremental.abort();
  });
});

describe("output folder guard", () => {
  it.each([
    ["/", "the root"],
    [process.env.HOME ?? "/root", "home"],
    [".", "project"],
    ["seeds", "input folder"],
    ["data", "parent of the input"],
  ])("refuses %j (%s)", (folder) => {
    expect(() => guardOutput(folder, ["data/seeds", "seeds"], process.cwd())).toThrow(/Refusing/);
  });

  it("accepts a dedicated folder", () => {
    expect(() => guardOutput("dist", ["seeds"], process.cwd())).not.toThrow();
  });
});
