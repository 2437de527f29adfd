import { stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { UsageError } from "../core/errors.js";

/** File names the loader treats as articles: scraper output and Markdown with front matter. */
const ARTICLE_GLOB = "**/*.{txt,md,markdown}";

/** An input file found on disk, with the path used in diagnostics. */
export interface InputFile {
  /** Absolute path. */
  readonly absolute: string;
  /** Relative to the working directory, POSIX separators. */
  readonly display: string;
}

/**
 * Lists the article files under the given folders (or files), sorted, without duplicates, leaving
 * out anything under `exclude` (the output folder, when it sits inside an input).
 */
export async function findInputs(
  inputs: readonly string[],
  cwd: string,
  exclude: readonly string[] = [],
): Promise<InputFile[]> {
  const found = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => null);
    if (info === null) throw new UsageError(`Input \`${input}\` does not exist.`);
    if (info.isFile()) {
      found.add(absolute);
      continue;
    }
    const files = await glob(ARTICLE_GLOB, {
      cwd: absolute,
      absolute: true,
      ignore: ["**/node_modules/**", "**/.*/**"],
      followSymbolicLinks: false,
    });
    for (const file of files) {
      const normal = path.normalize(file);
      if (!exclude.some((dir) => normal.startsWith(dir + path.sep))) found.add(normal);
    }
  }
  return [...found].sort().map((absolute) => ({
    absolute,
    display: toDisplayPath(absolute, cwd),
  }));
}

function toDisplayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join("/");
}
