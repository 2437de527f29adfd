import { createHash } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BuildOptions, BuildResult, Diagnostic } from "../core/types.js";
import type { InputFile } from "../load/find-inputs.js";
import type { FileStat } from "./analyse-inputs.js";

/** The fingerprint of the last finished build and what it reported, beside the build cache. */
const FILE = "last-build.json";
const FORMAT = 1;

/** What a build reported, replayed when nothing has changed since. */
export type LastResult = Pick<BuildResult, "articles" | "pages" | "diagnostics">;

/**
 * Digest of everything a build's output depends on: the generator, the options that shape the
 * site, the working folder (diagnostics and exports name files relative to it), the templates,
 * and every input file's path, size and modification time. The same fingerprint as the last
 * finished build, over an untouched output, means the build would write nothing.
 */
export function buildFingerprint(
  generator: string,
  options: BuildOptions,
  cwd: string,
  templates: string,
  files: readonly InputFile[],
  stats: ReadonlyMap<string, FileStat>,
): string {
  const hash = createHash("sha1");
  const { baseUrl, title, pageSize, raw, includeSuspect } = options;
  const shape = { baseUrl, title, pageSize, raw, includeSuspect, templates: options.templates };
  hash.update(JSON.stringify([generator, FORMAT, cwd, shape, options.inputs, templates]));
  for (const file of files) {
    const info = stats.get(file.absolute);
    hash.update(`\n${file.absolute}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}`);
  }
  return hash.digest("hex");
}

/** The last finished build's result when its fingerprint is `key`, else `null`. */
export async function loadLastBuild(cacheDir: string, key: string): Promise<LastResult | null> {
  try {
    const data = JSON.parse(await readFile(path.join(cacheDir, FILE), "utf8")) as {
      format: number;
      key: string;
      result: { articles: number; pages: number; diagnostics: Diagnostic[] };
    };
    if (data.format !== FORMAT || data.key !== key) return null;
    const { articles, pages, diagnostics } = data.result;
    if (![articles, pages].every(Number.isInteger) || !Array.isArray(diagnostics)) return null;
    return { articles, pages, diagnostics };
  } catch {
    return null;
  }
}

/** Records a finished build, atomically (write then rename). */
export async function saveLastBuild(
  cacheDir: string,
  key: string,
  result: LastResult,
): Promise<void> {
  const file = path.join(cacheDir, FILE);
  const { articles, pages, diagnostics } = result;
  const data = { format: FORMAT, key, result: { articles, pages, diagnostics } };
  await writeFile(`${file}.tmp`, JSON.stringify(data));
  await rename(`${file}.tmp`, file);
}

/** Forgets the last build: done before any build writes, so a killed one leaves no record. */
export async function forgetLastBuild(cacheDir: string): Promise<void> {
  await rm(path.join(cacheDir, FILE), { force: true });
}
