/**
 * The Hugo side of the benchmark: the same corpus as Hugo content with equivalent templates.
 * Usage: npx tsx bench/hugo.ts --corpus bench/.work/corpus-10000 --site bench/.work/hugo-10000
 */
import { spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { toHugoContent } from "./lib/to-hugo.js";
import { isDirectory } from "./lib/tree.js";
import { WriteQueue } from "./lib/write-queue.js";

const TEMPLATE = new URL("./hugo-template/", import.meta.url).pathname;

/** The installed Hugo's version line, or `null` when `hugo` is not on the PATH. */
export function hugoVersion(): string | null {
  const result = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * Makes `site` the Hugo site of `corpus` with the current templates and config, and says whether
 * it converted the corpus: only when the site is missing. Otherwise it puts the current templates
 * into the site, keeping its content: a site converted before a template changed must not be
 * built with the old one.
 */
export async function readyHugoSite(corpus: string, site: string): Promise<boolean> {
  if (isDirectory(site)) {
    rmSync(join(site, "layouts"), { recursive: true, force: true });
    cpSync(TEMPLATE, site, { recursive: true });
    return false;
  }
  await convert(corpus, site);
  return true;
}

/** Writes a Hugo site for `corpus` into `site` (via `<site>.partial`, renamed when complete). */
async function convert(corpus: string, site: string): Promise<void> {
  const partial = `${site}.partial`;
  await cp(TEMPLATE, partial, { recursive: true });
  const content = join(partial, "content");
  await mkdir(content, { recursive: true });
  const queue = new WriteQueue();
  for (const name of await readdir(corpus)) {
    if (!name.endsWith(".txt")) continue;
    const text = await readFile(join(corpus, name), "utf8");
    await queue.add(join(content, name.replace(/\.txt$/, ".md")), toHugoContent(text));
  }
  await queue.flush();
  await rename(partial, site);
}

/** The argument list that builds `site` into `destination` with Hugo. */
export function hugoBuildArgs(site: string, destination: string): string[] {
  return ["--quiet", "--source", site, "--destination", destination];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: "string" }, site: { type: "string" } },
  });
  if (!values.corpus || !values.site) {
    process.stderr.write("usage: npx tsx bench/hugo.ts --corpus <folder> --site <folder>\n");
    process.exitCode = 2;
    return;
  }
  await readyHugoSite(values.corpus, values.site);
  const result = spawnSync("hugo", hugoBuildArgs(values.site, join(values.site, "public")), {
    stdio: "inherit",
  });
  process.exitCode = result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
