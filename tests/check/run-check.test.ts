import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../../src/check/check-report.js";
import { runCheck } from "../../src/check/run-check.js";
import type { BuildOptions } from "../../src/core/types.js";

let base: string;

/** Distinct bodies, so the cleaner does not merge the articles as near-duplicates. */
const BODIES = [
  "Fishing boats came back before dawn with a record catch of herring, and the market on the quay stayed open until the last crate was sold to buyers from inland towns. Prices fell by a third before noon, which pleased the fish shops and worried the skippers who had borrowed to repair their nets.",
  "The lighthouse keeper retired after forty years, handing the lamp room keys to a volunteer group that plans guided climbs of the tower on summer weekends. The keeper said he would miss the view of the bay at first light, but not the winter nights spent polishing brass.",
  "A storm surge flooded the lower promenade overnight; council crews cleared sand and seaweed from the road while shop owners pumped water out of their cellars. Insurers sent assessors by the afternoon, and the café by the pier reopened with a chalked sign promising dry seats upstairs.",
  "The sailing club launched a scheme that lends dinghies to schoolchildren, with instructors on the slipway every Saturday morning from April to September. Parents queued to sign up on the first day, and the club treasurer hopes a grant from the regional council will pay for two more boats.",
];

const article = (n: number, date: string) =>
  [
    `https://example.com/news/story-${n}`,
    "['Ann Lee']",
    date,
    `Harbour story number ${n}`,
    " ",
    BODIES[n % BODIES.length],
    "",
  ].join("\n");

const optionsFor = (folder: string, strict = false): BuildOptions => ({
  inputs: [join(base, folder)],
  out: join(base, "dist"),
  baseUrl: "https://archive.example/",
  title: "Harbour archive",
  pageSize: 50,
  templates: resolve("templates"),
  raw: false,
  includeSuspect: false,
  workers: 1,
  strict,
  quiet: true,
});

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "broadsheet-check-"));
  await mkdir(join(base, "clean"));
  await mkdir(join(base, "broken"));
  for (let n = 0; n < 3; n++) {
    await writeFile(
      join(base, "clean", `story-${n}.txt`),
      article(n, `2018-05-0${n + 1} 10:00:00`),
    );
    await writeFile(
      join(base, "broken", `story-${n}.txt`),
      article(n, `2018-05-0${n + 1} 10:00:00`),
    );
  }
  await writeFile(join(base, "broken", "undated.txt"), article(3, ""));
  await mkdir(join(base, "warned"));
  const badAuthors = article(1, "2018-05-02 10:00:00").replace("['Ann Lee']", "['Ann Lee'");
  await writeFile(join(base, "warned", "story.txt"), badAuthors);
  await writeFile(join(base, "broken", "not-an-article.txt"), "just a note\nwith two lines\n");
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("runCheck", () => {
  it("exits 0 on a clean corpus and writes nothing", async () => {
    const { exitCode, output } = await runCheck(optionsFor("clean"), "json");
    expect(exitCode).toBe(0);
    const report = JSON.parse(output) as CheckReport;
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ files: 3, articles: 3, errors: 0, undated: 0 });
    expect(await stat(join(base, "dist")).catch(() => null)).toBeNull();
  });

  it("exits 1 on a broken corpus and names the file, line and rule in JSON", async () => {
    const { exitCode, output } = await runCheck(optionsFor("broken"), "json");
    expect(exitCode).toBe(1);
    const report = JSON.parse(output) as CheckReport;
    expect(report.version).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.summary).toMatchObject({ files: 5, articles: 4, undated: 1, errors: 1 });
    const error = report.diagnostics.find((d) => d.severity === "error");
    expect(error).toMatchObject({ line: 1, rule: "parse/not-an-article" });
    expect(error?.file).toMatch(/broken\/not-an-article\.txt$/);
    expect(report.summary.byRule["parse/not-an-article"]).toEqual({ errors: 1, warnings: 0 });
    for (const d of report.diagnostics) {
      expect(Object.keys(d)).toEqual(["file", "line", "severity", "message", "rule"]);
    }
  });

  it("prints the same findings as text", async () => {
    const { exitCode, output } = await runCheck(optionsFor("broken"), "text");
    expect(exitCode).toBe(1);
    expect(output).toMatch(/not-an-article\.txt:1 {2}error {2}.+ {2}\[parse\/not-an-article\]/);
    expect(output).toContain("Checked 5 files: 4 articles");
    expect(output).toMatch(/1 error, \d+ warnings?\./);
  });

  it("passes warnings, and fails on them under strict", async () => {
    const lenient = await runCheck(optionsFor("warned"), "json");
    const report = JSON.parse(lenient.output) as CheckReport;
    expect(report.summary.errors).toBe(0);
    expect(report.summary.byRule["parse/bad-authors"]).toEqual({ errors: 0, warnings: 1 });
    expect(lenient.exitCode).toBe(0);
    const strict = await runCheck(optionsFor("warned", true), "text");
    expect(strict.exitCode).toBe(1);
    expect(strict.output).toContain("--strict");
  });
});
