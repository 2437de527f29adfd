import { execFile, spawn } from "node:child_process";
import { access, cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, listFiles, ROOT, tempDir } from "../helpers.js";

const run = promisify(execFile);
const BIN = path.join(ROOT, "bin/broadsheet.js");
const FIXTURE = path.join(ROOT, "tests/sites/basic/seeds");

async function cli(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await cp(FIXTURE, path.join(dir, "seeds"), { recursive: true });
});
afterAll(() => cleanup(dir));

describe("broadsheet CLI", () => {
  it("prints help and version", async () => {
    expect((await cli(["--help"], dir)).stdout).toContain("Usage: broadsheet");
    expect((await cli(["--version"], dir)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8"));
    expect((await cli(["--version"], dir)).stdout.trim()).toBe(pkg.version);
  });

  it("exits 2 on bad usage", async () => {
    expect((await cli(["frobnicate"], dir)).code).toBe(2);
    expect((await cli(["build", "--page-size", "zero"], dir)).code).toBe(2);
    expect((await cli(["build", "--no-such-flag"], dir)).code).toBe(2);
    expect((await cli(["build", "missing-folder"], dir)).code).toBe(2);
  });

  it.each([["/"], ["."], ["seeds"], [".."]])(
    "refuses output folder %j with exit 2, touching nothing",
    async (out) => {
      const before = await listFiles(dir);
      const result = await cli(["build", "seeds", "--out", out], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("Refusing");
      expect(await listFiles(dir)).toEqual(before);
    },
  );

  it("builds with exit 0 despite per-file errors, and exit 1 under --strict", async () => {
    const ok = await cli(["build", "seeds", "--out", "site"], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Built 7 articles, \d+ pages .* 1 errors, \d+ warnings in [\d.]+s/);
    expect(ok.stderr).toContain("seeds/h-notarticle.txt:1  error  ");
    expect((await cli(["build", "seeds", "--out", "strict-site", "--strict"], dir)).code).toBe(1);
  });

  it("reads settings from broadsheet.config.json, and exits 1 on a broken one", async () => {
    const cfgDir = path.join(dir, "cfg");
    await mkdir(cfgDir);
    await cp(FIXTURE, path.join(cfgDir, "articles"), { recursive: true });
    await writeFile(
      path.join(cfgDir, "broadsheet.config.json"),
      JSON.stringify({ inputs: ["articles"], out: "public", title: "Harbour Gazette" }),
    );
    expect((await cli(["build"], cfgDir)).code).toBe(0);
    expect(await readFile(path.join(cfgDir, "public/index.html"), "utf8")).toContain(
      "· Harbour Gazette</title>",
    );
    await writeFile(path.join(cfgDir, "broadsheet.config.json"), '{"pageSize": "fifty"}');
    const broken = await cli(["build"], cfgDir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("pageSize");
  });

  it("reads a TypeScript config file", async () => {
    const tsDir = path.join(dir, "ts");
    await mkdir(tsDir);
    await cp(FIXTURE, path.join(tsDir, "seeds"), { recursive: true });
    await writeFile(
      path.join(tsDir, "broadsheet.config.ts"),
      'const pageSize: number = 2;\nexport default { pageSize, out: "www" };\n',
    );
    const result = await cli(["build"], tsDir);
    expect(result.stderr).not.toContain("config file");
    expect(result.code).toBe(0);
    expect(await listFiles(path.join(tsDir, "www"))).toContain("page/2/index.html");
  });

  it("exits 1 with a message naming the template when a template is broken", async () => {
    const tpl = path.join(dir, "templates");
    await cp(path.join(ROOT, "templates"), tpl, { recursive: true });
    await writeFile(path.join(tpl, "listing.eta"), "<% if (%>");
    const result = await cli(
      ["build", "seeds", "--out", "tpl-site", "--templates", "templates"],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("listing.eta");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 1 with a plain message when the output cannot be written", async () => {
    await writeFile(path.join(dir, "blocker"), "a file where a folder should be");
    const result = await cli(["build", "seeds", "--out", "blocker/site"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^broadsheet: could not \w+ .*blocker/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("writes byte-identical output whatever the number of workers", async () => {
    await cli(["build", "seeds", "--out", "one", "--workers", "1"], dir);
    await cli(["build", "seeds", "--out", "two", "--workers", "2"], dir);
    const files = await listFiles(path.join(dir, "one"));
    expect(await listFiles(path.join(dir, "two"))).toEqual(files);
    for (const f of files) {
      expect(await readFile(path.join(dir, "two", f))).toEqual(
        await readFile(path.join(dir, "one", f)),
      );
    }
  });

  it("restores output files changed behind its back, checked by its workers", async () => {
    await cli(["build", "seeds", "--out", "checked", "--workers", "2"], dir);
    const out = path.join(dir, "checked");
    const files = await listFiles(out);
    const page = files.find((f) => /^\d{4}\/.+\/index\.html$/.test(f)) ?? "";
    const before = await readFile(path.join(out, page), "utf8");
    await writeFile(path.join(out, page), "changed behind the build's back");
    const result = await cli(["build", "seeds", "--out", "checked", "--workers", "2"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\(1 files? written\)/);
    expect(await readFile(path.join(out, page), "utf8")).toBe(before);
    // The replaced page went to the trash beside the output, emptied by a detached process.
    const trash = path.join(dir, ".checked.trash");
    for (let i = 0; i < 100 && (await exists(trash)); i++) await sleep(100);
    expect(await exists(trash)).toBe(false);
    const again = await cli(["build", "seeds", "--out", "checked", "--workers", "2"], dir);
    expect(again.stdout).toMatch(/\(0 files written\)/);
  });
});

describe("a killed build", () => {
  it("leaves the previous site whole", async () => {
    const big = path.join(dir, "big");
    await mkdir(big);
    const seed = await readFile(
      path.join(ROOT, "seeds", (await listFiles(path.join(ROOT, "seeds")))[0] ?? ""),
      "utf8",
    );
    const writeCorpus = async (tag: string) => {
      for (let i = 0; i < 300; i++) {
        const text = seed
          .replace(/^(https?:\/\/\S+)/, `$1?n=${i}`)
          .replace(/^(.*sanctions)$/m, `$1 ${tag} ${i}`);
        await writeFile(path.join(big, `a${i}.txt`), text);
      }
    };
    await writeCorpus("first");
    expect((await cli(["build", "big", "--out", "bigsite", "--raw"], dir)).code).toBe(0);
    const site = path.join(dir, "bigsite");
    const before = await listFiles(site);
    const home = await readFile(path.join(site, "index.html"), "utf8");
    await writeCorpus("second");
    const child = spawn("node", [BIN, "build", "big", "--out", "bigsite", "--raw"], {
      cwd: dir,
      stdio: "ignore",
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    const after = await listFiles(site);
    const homeAfter = await readFile(path.join(site, "index.html"), "utf8");
    if (homeAfter === home) {
      expect(after).toEqual(before);
    } else {
      expect(homeAfter).toContain("second");
      expect(homeAfter).not.toContain("first");
    }
    expect((await cli(["build", "big", "--out", "bigsite", "--raw"], dir)).code).toBe(0);
    expect(await readFile(path.join(site, "index.html"), "utf8")).toContain("second");
  }, 120_000);
});
