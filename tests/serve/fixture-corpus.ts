import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DevServerOptions } from "../../src/serve/dev-server.js";

/** An article in the scraper's layout, written for the tests (no publisher's text). */
export function articleText(n: number, title: string, body: string): string {
  const day = String((n % 28) + 1).padStart(2, "0");
  return [
    `https://example.com/2018/05/${day}/story-${n}`,
    "['Ann Lee']",
    `2018-05-${day} 09:30:00`,
    title,
    " ",
    body,
    "",
    `A second paragraph for story ${n}: the harbour master counted the boats, noted the weather ` +
      "and the tides, and wrote down who came in late, who left early and what each crew had " +
      "landed, so that the archive holds more than a stub for every day of the season.",
    "",
  ].join("\n");
}

/** A temporary project: `in/` with `count` articles and a copy of the built-in templates. */
export async function makeProject(prefix: string, count: number) {
  const base = await mkdtemp(join(tmpdir(), prefix));
  const inputs = join(base, "in");
  const templates = join(base, "templates");
  await mkdir(inputs);
  await cp(resolve("templates"), templates, { recursive: true });
  for (let n = 0; n < count; n++) {
    await writeFile(
      join(inputs, `story-${String(n).padStart(5, "0")}.txt`),
      articleText(n, `Harbour story number ${n}`, `The harbour opened on day ${n} of the season.`),
    );
  }
  return { base, inputs, templates, out: join(base, "dist") };
}

/** Dev server options for a project made by {@link makeProject}, on a free loopback port. */
export function devOptions(
  project: { inputs: string; templates: string; out: string },
  log: (line: string) => void,
): DevServerOptions {
  return {
    inputs: [project.inputs],
    out: project.out,
    baseUrl: null,
    title: "Harbour archive",
    pageSize: 50,
    templates: project.templates,
    raw: false,
    includeSuspect: false,
    workers: 1,
    strict: false,
    quiet: true,
    port: 0,
    host: "127.0.0.1",
    configFile: null,
    log,
  };
}
