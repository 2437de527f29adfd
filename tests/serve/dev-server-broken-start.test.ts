import { readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer } from "../../src/serve/dev-server.js";
import type { RunningServer } from "../../src/serve/preview-server.js";
import { devOptions, makeProject } from "./fixture-corpus.js";
import { fetchRaw } from "./http-client.js";

let project: Awaited<ReturnType<typeof makeProject>>;
let server: RunningServer;
let goodLayout: string;
const logs: string[] = [];

/** Reads the first `build` event of the live-reload stream. */
function firstBuildEvent(url: string): Promise<{ id: number; fatal: string | null }> {
  return new Promise((done, fail) => {
    const req = request(new URL("/__broadsheet/events", url), (res) => {
      expect(res.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        const match = text.match(/event: build\ndata: (.*)\n\n/);
        if (match) {
          req.destroy();
          done(JSON.parse(match[1] as string));
        }
      });
    });
    req.on("error", fail);
    req.end();
  });
}

beforeAll(async () => {
  project = await makeProject("broadsheet-dev-broken-", 3);
  const layout = join(project.templates, "layout.eta");
  goodLayout = await readFile(layout, "utf8");
  await writeFile(layout, `${goodLayout}\n<%= it.noSuchThing.deeper %>\n`);
  server = await startDevServer(devOptions(project, (line) => logs.push(line)));
});

afterAll(async () => {
  await server?.close();
  await rm(project.base, { recursive: true, force: true });
});

describe("startDevServer with a broken template from the start", () => {
  it("still serves, telling the terminal and the browser what failed", async () => {
    expect(logs[0]).toMatch(/^✗ Build failed: .*layout\.eta|^✗ Build failed: Template/);
    const home = await fetchRaw(server.url, "/");
    expect(home.status).toBe(404);
    expect(home.body).toContain("/__broadsheet/client.js");
    const event = await firstBuildEvent(server.url);
    expect(event.fatal).toMatch(/Template/);
  });

  it("serves the site once the template is fixed", async () => {
    await writeFile(join(project.templates, "layout.eta"), goodLayout);
    await expect
      .poll(async () => (await fetchRaw(server.url, "/")).status, { timeout: 20_000 })
      .toBe(200);
    expect((await firstBuildEvent(server.url)).fatal).toBeNull();
    expect(logs).toContain("✓ No errors left.");
  });
});
