import { createHash } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BuildOptions, BuildResult, Diagnostic } from "../core/types.js";
import { findInputs, type InputFile } from "../load/find-inputs.js";
import { outputIntact } from "../write/output.js";
import { type FileStat, type FoundInputs, statOf } from "./analyse-inputs.js";

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
function buildFingerprint(
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

/** What the no-change check found: the inputs, their fingerprint, and the last result if it holds. */
export interface LastBuildCheck {
  readonly found: FoundInputs;
  readonly fingerprint: string;
  /** The last finished build's result, when nothing it depended on has changed since. */
  readonly last: LastResult | null;
}

/**
 * Finds and stats the inputs once, fingerprints them, and returns the last finished build's
 * result when the fingerprint matches and the output still holds what that build wrote.
 */
export async function checkLastBuild(
  generator: string,
  options: BuildOptions,
  out: string,
  cacheDir: string,
  templates: string,
): Promise<LastBuildCheck> {
  const cwd = process.cwd();
  const files = await findInputs(options.inputs, cwd, [out, path.dirname(cacheDir)]);
  const stats = new Map(files.map((f) => [f.absolute, statOf(f)]));
  const fingerprint = buildFingerprint(generator, options, cwd, templates, files, stats);
  const last = await loadLastBuild(cacheDir, fingerprint);
  const holds = last !== null && (await outputIntact(out, cacheDir));
  return { found: { files, stats }, fingerprint, last: holds ? last : null };
}

/** The last finished build's result when its fingerprint is `key`, else `null`. */
async function loadLastBuild(cacheDir: string, key: string): Promise<LastResult | null> {
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
