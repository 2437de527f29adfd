import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { build, cacheDirFor } from "../../src/build/build.js";
import { BuildError } from "../../src/core/errors.js";
import {
  FOREIGN_STALE_MS,
  LOCK_FILE,
  lockOutput,
  REFRESH_MS,
} from "../../src/write/output-lock.js";
import { cleanup, listFiles, ROOT, tempDir, testOptions } from "../helpers.js";

/** Writes a lock file as another holder would, filling the fields a test does not name. */
function writeHolder(file: string, fields: Record<string, unknown>): Promise<void> {
  const holder = { pid: process.pid, host: hostname(), start: null, token: "t", since: "then" };
  return writeFile(file, JSON.stringify({ ...holder, command: "build", ...fields }));
}

function readHolder(file: string): Promise<unknown> {
  return readFile(file, "utf8").then((text) => JSON.parse(text));
}

/** Sets a file's times `ms` into the past. */
function backdate(file: string, ms: number): Promise<void> {
  const old = new Date(Date.now() - ms);
  return utimes(file, old, old);
}

/** The id of a process that has run and exited. */
function exitedPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid ?? 0;
}

describe("the lock on an output folder", () => {
  it("refuses a second holder, naming the first and the file to delete", async () => {
    const dir = await tempDir();
    try {
      const first = await lockOutput(dir, "/srv/site", "build");
      const second = lockOutput(dir, "/srv/site", "build");
      await expect(second).rejects.toBeInstanceOf(BuildError);
      await expect(second).rejects.toThrow(
        new RegExp(`process ${process.pid} on .*is writing /srv/site.*delete ${first.file}`),
      );
      first.release();
      expect(existsSync(first.file)).toBe(false);
      (await lockOutput(dir, "/srv/site", "build")).release();
    } finally {
      await cleanup(dir);
    }
  });

  it("takes over a lock whose holder has exited", async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir, LOCK_FILE);
      await writeHolder(file, { pid: exitedPid() });
      const lock = await lockOutput(dir, "/srv/site", "dev server");
      expect(await readHolder(file)).toMatchObject({
        pid: process.pid,
        command: "dev server",
      });
      lock.release();
    } finally {
      await cleanup(dir);
    }
  });

  it("takes another machine's lock for stale only once it went untouched for minutes", async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir, LOCK_FILE);
      await writeHolder(file, { host: `not-${hostname()}` });
      await expect(lockOutput(dir, "/srv/site", "build")).rejects.toThrow(/on not-/);
      await backdate(file, FOREIGN_STALE_MS + 1000);
      const lock = await lockOutput(dir, "/srv/site", "build");
      expect(await readHolder(file)).toMatchObject({ host: hostname() });
      lock.release();
    } finally {
      await cleanup(dir);
    }
  });

  it("touches its lock while it holds it, so other machines see it alive", async () => {
    const dir = await tempDir();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const lock = await lockOutput(dir, "/srv/site", "build");
      await backdate(lock.file, FOREIGN_STALE_MS + 1000);
      vi.advanceTimersByTime(REFRESH_MS);
      expect(Date.now() - (await stat(lock.file)).mtimeMs).toBeLessThan(FOREIGN_STALE_MS);
      lock.release();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
      await cleanup(dir);
    }
  });

  it("takes over a lock cut off while being written, once it is not new", async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir, LOCK_FILE);
      await writeFile(file, '{"pid":');
      await backdate(file, 60_000);
      (await lockOutput(dir, "/srv/site", "build")).release();
      expect(existsSync(file)).toBe(false);
    } finally {
      await cleanup(dir);
    }
  });

  it("gives up only its own lock, not one another build took over", async () => {
    const dir = await tempDir();
    try {
      const lock = await lockOutput(dir, "/srv/site", "build");
      await writeHolder(lock.file, { token: "other" });
      lock.release();
      expect(await readHolder(lock.file)).toMatchObject({ token: "other" });
    } finally {
      await cleanup(dir);
    }
  });

  it("stops a build into a folder another build is writing, before it touches the output", async () => {
    const dir = await tempDir();
    try {
      const out = path.join(dir, "site");
      const options = testOptions([path.join(ROOT, "tests/sites/basic/seeds")], out);
      const lock = await lockOutput(cacheDirFor(out), out, "dev server");
      await expect(build(options)).rejects.toThrow(/Another Broadsheet dev server/);
      expect(existsSync(out)).toBe(false);
      lock.release();
      const result = await build(options);
      expect(result.articles).toBeGreaterThan(0);
      expect(await listFiles(out)).toContain("index.html");
      expect(existsSync(path.join(cacheDirFor(out), LOCK_FILE))).toBe(false);
    } finally {
      await cleanup(dir);
    }
  });
});
