import { type ChildProcess, spawn } from "node:child_process";
import { readdir, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "./fixture-corpus.js";
import { fetchRaw } from "./http-client.js";

const TSX = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;
const MAIN = pathToFileURL(resolve("src/cli/main.ts")).href;
let project: Awaited<ReturnType<typeof makeProject>>;

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

/** Runs `broadsheet ARGS` from source in the project folder. */
function broadsheet(args: string[]): ChildProcess {
  const script = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;
  return spawn(process.execPath, ["--import", TSX, "--input-type=module", "-e", script, ...args], {
    cwd: project.base,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((done, fail) => {
    let text = "";
    const timer = setTimeout(
      () => fail(new Error(`no line matching ${pattern} in:\n${text}`)),
      60_000,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const match = text.match(pattern);
      if (match) {
        clearTimeout(timer);
        done(match);
      }
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once("exit", (code) => done(code)));
}

beforeAll(async () => {
  project = await makeProject("broadsheet-cli-", 40);
  made.push(project.base);
  // The CLI looks for a config file in the working folder; this one keeps its output beside.
  await writeFile(join(project.base, "broadsheet.config.json"), JSON.stringify({ title: "Quay" }));
});

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe("broadsheet dev, interrupted", () => {
  it("exits 0 on Ctrl-C once serving, leaving no temporary files", async () => {
    const port = await freePort();
    const child = broadsheet(["dev", "in", "--port", String(port)]);
    const exited = exitOf(child);
    const [, url] = await waitForLine(child, /Serving at (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect((await fetchRaw(url as string, "/")).body).toContain("Quay");
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect((await readdir(project.base)).sort()).toEqual([
      ".broadsheet-cache",
      "broadsheet.config.json",
      "dist",
      "in",
      "templates",
    ]);
  });

  it("finishes the build under way on an early Ctrl-C, then exits leaving no temporary files", async () => {
    project = await makeProject("broadsheet-cli-", 600);
    made.push(project.base);
    const child = broadsheet(["dev", "in", "--port", String(await freePort())]);
    const exited = exitOf(child);
    // Interrupt once the first build is writing its staging folder: the worst moment to stop.
    const staging = join(project.base, ".dist.staging");
    const deadline = Date.now() + 60_000;
    while (!(await stat(staging).catch(() => null)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill("SIGINT");
    const code = await exited;
    expect(code).toBe(130);
    expect((await readdir(project.base)).sort()).toEqual([
      ".broadsheet-cache",
      "dist",
      "in",
      "templates",
    ]);
  });
});
