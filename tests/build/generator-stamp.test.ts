import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeDigest, generatorStamp } from "../../src/build/generator-stamp.js";
import { VERSION } from "../../src/core/version.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "broadsheet-stamp-"));
  await mkdir(join(root, "render"));
  await writeFile(join(root, "main.js"), "export const a = 1;\n");
  await writeFile(join(root, "render", "page.js"), "export const b = 2;\n");
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("generatorStamp", () => {
  it("is the version and a digest of the running code, the same on each call", async () => {
    const stamp = await generatorStamp();
    expect(stamp).toMatch(new RegExp(`^broadsheet ${VERSION.replace(/\./g, "\\.")} [0-9a-f]{16}$`));
    expect(await generatorStamp()).toBe(stamp);
  });

  it("changes with any code file's bytes or name, not with other files", async () => {
    const before = await codeDigest(root, ".js");
    await writeFile(join(root, "main.js.map"), "{}");
    await writeFile(join(root, "notes.ts"), "export {};");
    expect(await codeDigest(root, ".js")).toBe(before);
    await writeFile(join(root, "render", "page.js"), "export const b = 3;\n");
    const edited = await codeDigest(root, ".js");
    expect(edited).not.toBe(before);
    await writeFile(join(root, "render", "extra.js"), "");
    expect(await codeDigest(root, ".js")).not.toBe(edited);
  });
});
