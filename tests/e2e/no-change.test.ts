import { cp, readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import { cleanup, ROOT, readSite, tempDir, testOptions } from "../helpers.js";

const FIXTURE = path.join(ROOT, "tests/sites/basic/seeds");

describe("a rebuild with nothing changed", () => {
  it("writes nothing and reports the same diagnostics", async () => {
    const dir = await tempDir();
    const options = testOptions([FIXTURE], path.join(dir, "site"));
    const first = await build(options);
    const again = await build(options);
    expect(again.written).toBe(0);
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect([again.articles, again.pages]).toEqual([first.articles, first.pages]);
    await cleanup(dir);
  }, 60_000);

  it("still repairs an output file changed by hand", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "site");
    const options = testOptions([FIXTURE], out);
    await build(options);
    const home = await readSite(out, "index.html");
    await writeFile(path.join(out, "index.html"), "changed by hand");
    expect((await build(options)).written).toBe(1);
    expect(await readSite(out, "index.html")).toBe(home);
    await cleanup(dir);
  }, 60_000);

  it("repairs a search index file changed by hand, keeping the index files before it", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "site");
    const options = testOptions([FIXTURE], out);
    await build(options);
    // meta.js is the index's last file: every other one was found as written before it.
    const meta = await readSite(out, "search/index/meta.js");
    await writeFile(path.join(out, "search/index/meta.js"), "changed by hand");
    expect((await build(options)).written).toBe(1);
    expect(await readSite(out, "search/index/meta.js")).toBe(meta);
    await cleanup(dir);
  }, 60_000);

  it("notices an input whose modification time changed, and a changed option", async () => {
    const dir = await tempDir();
    const input = path.join(dir, "in");
    await cp(FIXTURE, input, { recursive: true });
    const out = path.join(dir, "site");
    const options = testOptions([input], out);
    await build(options);
    const file = path.join(input, "a-harbour.txt");
    await writeFile(file, `${await readFile(file, "utf8")}\nA line added later.\n`);
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    expect((await build(options)).written).toBeGreaterThan(0);
    const retitled = await build({ ...options, title: "Another title" });
    expect(retitled.written).toBeGreaterThan(0);
    expect(await readSite(out, "index.html")).toContain("Another title");
    await cleanup(dir);
  }, 60_000);
});
