import { readdir, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { broadsheet, exitOf, waitForLine } from "./cli-process.js";
import { makeProject } from "./fixture-corpus.js";
import { fetchRaw } from "./http-client.js";

let project: Awaited<ReturnType<typeof makeProject>>;

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
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
    const child = broadsheet(project.base, ["dev", "in", "--port", String(port)]);
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
    const child = broadsheet(project.base, ["dev", "in", "--port", String(await freePort())]);
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
