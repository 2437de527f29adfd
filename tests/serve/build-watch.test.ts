import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { broadsheet, endOf, exitOf, waitForLine } from "./cli-process.js";
import { articleText, makeProject } from "./fixture-corpus.js";

let project: Awaited<ReturnType<typeof makeProject>>;

beforeAll(async () => {
  project = await makeProject("broadsheet-watch-", 30);
});

afterAll(async () => {
  await rm(project.base, { recursive: true, force: true });
});

/** The export row of the article made from input `file`, from the build's own export. */
async function rowOf(file: string): Promise<{ path: string; content_hash: string }> {
  const rows = (await readFile(join(project.out, "articles.ndjson"), "utf8")).trim().split("\n");
  const row = rows
    .map((r) => JSON.parse(r) as { file: string; path: string; content_hash: string })
    .find((r) => r.file === file);
  if (row === undefined) throw new Error(`no page for ${file}`);
  return row;
}

/** `broadsheet build in --watch` on the project's templates, with `extra` options. */
function watchBuild(...extra: string[]) {
  return broadsheet(project.base, [
    "build",
    "in",
    "--watch",
    "--templates",
    "templates",
    "--workers",
    "1",
    ...extra,
  ]);
}

/** Waits until `check` holds, for what a quiet process does not print. */
const until = (check: () => boolean | Promise<boolean>) =>
  expect.poll(check, { timeout: 20_000, interval: 20 }).toBe(true);

describe("broadsheet build --watch", () => {
  it("rebuilds the output on each change, keeps the last good site on a failure, exits 0 on Ctrl-C", async () => {
    const child = watchBuild();
    const exited = exitOf(child);
    const first = await waitForLine(
      child,
      /Built \d+ articles[^\n]*\n(?:.*\n)*Watching for changes, Ctrl-C to stop\n/,
    );
    expect(first[0]).toMatch(/^Built \d+ articles, \d+ pages in \d+ ms \(0 errors/);
    const story = join(project.inputs, "story-00003.txt");
    const before = await rowOf("in/story-00003.txt");
    const page = join(project.out, before.path);
    expect(await readFile(page, "utf8")).toContain("opened on day 3 of");

    // An edit that leaves the article in its place: its page first, then the rest of the site.
    const edited = waitForLine(
      child,
      /1 page updated[^\n]*\n(?:.*\n)*↻ in\/story-00003\.txt changed: \d+ files? written/,
    );
    await writeFile(
      story,
      (await readFile(story, "utf8")).replace("opened on day 3", "closed on day 3"),
    );
    await edited;
    expect(await readFile(page, "utf8")).toContain("closed on day 3 of");
    // The export is written by the rebuild only, not with the early page.
    expect((await rowOf("in/story-00003.txt")).content_hash).not.toBe(before.content_hash);

    // A broken template fails the build and leaves the site as it was; mending it builds again.
    const template = join(project.templates, "article.eta");
    const good = await readFile(template, "utf8");
    const failed = waitForLine(
      child,
      /✗ Build failed: Template `article\.eta` in \S+ failed: Bad template syntax: [^\n]+\n {2}The last good site is left in dist\.\n/,
    );
    await writeFile(template, `${good}\n<%= it.title( %>\n`);
    await failed;
    expect(await readFile(page, "utf8")).toContain("closed on day 3 of");
    const mended = waitForLine(child, /✓ No errors left\./);
    await writeFile(template, good);
    await mended;

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    // The session saves its cache on the way out and leaves nothing else behind.
    expect((await readdir(project.base)).sort()).toEqual([
      ".broadsheet-cache",
      "dist",
      "in",
      "templates",
    ]);
    expect(await readdir(join(project.base, ".broadsheet-cache", "dist"))).toContain(
      "build-cache.json",
    );
  }, 90_000);

  it("rebuilds once for a save through a temporary file, and drops a folder moved away", async () => {
    const child = watchBuild("--out", "saves");
    const exited = exitOf(child);
    await waitForLine(child, /Watching for changes/);
    const rows = () => readFile(join(project.base, "saves", "articles.ndjson"), "utf8");

    // As `sed -i` saves: a new file beside the article, renamed over it.
    const story = join(project.inputs, "story-00004.txt");
    const temporary = join(project.inputs, "sedX1b2c3");
    const saved = waitForLine(child, /↻ [^\n]*changed[^\n]*\n/);
    await writeFile(temporary, `${await readFile(story, "utf8")}\nA paragraph saved by sed.\n`);
    await rename(temporary, story);
    expect((await saved)[0]).toMatch(/^↻ in\/story-00004\.txt changed: \d+ files? written/);

    // A folder of articles moved out of the inputs is reported as the folder alone.
    await mkdir(join(project.inputs, "extra"));
    const added = waitForLine(child, /↻ [^\n]*changed[^\n]*\n/);
    await writeFile(
      join(project.inputs, "extra", "story-extra.txt"),
      articleText(99, "An extra harbour story", "The extra pier opened."),
    );
    await added;
    expect(await rows()).toContain("in/extra/story-extra.txt");
    const moved = waitForLine(child, /↻ in\/extra changed[^\n]*\n/);
    await rename(join(project.inputs, "extra"), join(project.base, "moved-away"));
    await moved;
    expect(await rows()).not.toContain("in/extra/story-extra.txt");

    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 90_000);

  it("prints only failures, with their details, under --quiet", async () => {
    const child = watchBuild("--quiet", "--out", "quiet");
    let printed = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const exited = exitOf(child);
    await until(() => stat(join(project.base, "quiet", "index.html")).then(Boolean, () => false));
    const story = join(project.inputs, "story-00005.txt");
    const rebuilt = join(project.base, "quiet", "articles.ndjson");
    const before = await readFile(rebuilt, "utf8");
    await writeFile(story, `${await readFile(story, "utf8")}\nOne more paragraph for it.\n`);
    await until(async () => (await readFile(rebuilt, "utf8")) !== before);
    const template = join(project.templates, "listing.eta");
    const good = await readFile(template, "utf8");
    await writeFile(template, `${good}\n<%= it.title( %>\n`);
    await until(async () => printed.includes("The last good site is left in quiet."));
    await writeFile(template, good);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(printed).toMatch(/^✗ Build failed: Template `listing\.eta`/);
    expect(printed).not.toMatch(/Built|Watching|↻|No errors left/);
  }, 90_000);

  it("ends with exit code 2 when the command line names no input that exists", async () => {
    const { code, stderr } = await endOf(
      broadsheet(project.base, ["build", "no-such-folder", "--watch"]),
    );
    expect(code).toBe(2);
    expect(stderr).toContain("Input `no-such-folder` does not exist.");
  });

  it("is refused with any other command", async () => {
    const { code, stderr } = await endOf(broadsheet(project.base, ["dev", "in", "--watch"]));
    expect(code).toBe(2);
    expect(stderr).toContain("--watch goes with `build`: `dev` watches already.");
  });
});
