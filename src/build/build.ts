import path from "node:path";
import { groupNearDuplicates } from "../clean/near-duplicates.js";
import { createProfileBuilder } from "../clean/profile.js";
import { compareDiagnostics } from "../core/format-diagnostic.js";
import type { BuildOptions, BuildResult, Diagnostic } from "../core/types.js";
import { findInputs } from "../load/find-inputs.js";
import { type ArticleRecord, buildArchive } from "../model/archive.js";
import { countArticles } from "../render/pages/common.js";
import { createTemplates } from "../render/templates.js";
import { guardOutput } from "../write/guard-output.js";
import { openOutput } from "../write/output.js";
import { createRunner, inBatches, type TaskRunner } from "./pool.js";
import { renderSite } from "./render-site.js";
import type { CleanMode, TaskFile } from "./tasks.js";

/** Progress callbacks, for a progress bar. */
export interface BuildEvents {
  readonly onPhase?: (phase: "read" | "clean" | "render", total: number) => void;
  readonly onProgress?: (done: number) => void;
}

/** Files per task sent to a worker: large enough to amortise messaging, small enough to balance. */
const BATCH = 64;

/** Where the build keeps what it needs to rebuild only what changed: beside the output. */
export function cacheDirFor(out: string): string {
  return path.join(path.dirname(out), ".broadsheet-cache", path.basename(out));
}

/** Parsed, cleaned and modelled inputs, before rendering. */
export interface Analysed {
  /** Input files found, articles or not. */
  readonly found: number;
  /** Files that parsed into an article, parallel to `records`. */
  readonly files: readonly TaskFile[];
  readonly records: readonly ArticleRecord[];
  readonly diagnostics: Diagnostic[];
  readonly nearDuplicates: number[][];
  readonly mode: CleanMode;
}

/**
 * Builds the site: load → parse → clean → model → render → write. Problems in single files are
 * returned as diagnostics; a broken template or an unwritable output throws.
 */
export async function build(options: BuildOptions, events: BuildEvents = {}): Promise<BuildResult> {
  const started = performance.now();
  const cwd = process.cwd();
  guardOutput(options.out, options.inputs, cwd);
  const out = path.resolve(cwd, options.out);
  const templates = createTemplates(options.templates);
  const runner = createRunner(options.workers);
  try {
    const analysed = await analyseInputs(options, out, runner, events);
    const { archive, diagnostics: modelDiagnostics } = buildArchive(analysed.records, {
      includeSuspect: options.includeSuspect,
      nearDuplicates: analysed.nearDuplicates,
    });
    const diagnostics = [...analysed.diagnostics, ...modelDiagnostics];
    if (options.baseUrl === null) {
      diagnostics.push({
        file: "(config)",
        line: 0,
        severity: "warning",
        message:
          "No base URL set, so feeds, sitemap.xml and canonical links were skipped; set `--base-url https://…/`",
        rule: "config/no-base-url",
      });
    }
    diagnostics.sort(compareDiagnostics);

    const writer = await openOutput(out, cacheDirFor(out));
    let pages = 0;
    events.onPhase?.("render", archive.entries.length);
    try {
      await renderSite(
        {
          archive,
          files: new Map(analysed.files.map((f) => [f.display, f])),
          mode: analysed.mode,
          runner,
          workers: options.workers,
          diagnostics,
          site: {
            title: options.title,
            lang: "en",
            baseUrl: options.baseUrl,
            feeds: options.baseUrl !== null,
            stats: countArticles(archive.entries.length),
          },
          pageSize: options.pageSize,
          templates,
          templatesDir: options.templates,
        },
        writer,
        () => events.onProgress?.(++pages),
      );
    } catch (error) {
      await writer.abort();
      throw error;
    }
    const { written } = await writer.commit();
    return {
      articles: archive.entries.length,
      pages,
      written,
      diagnostics,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await runner.close();
  }
}

/** Finds, reads, parses and cleans the inputs, and finds near-duplicate bodies. */
export async function analyseInputs(
  options: BuildOptions,
  out: string,
  runner: TaskRunner,
  events: BuildEvents = {},
): Promise<Analysed> {
  const files = await findInputs(options.inputs, process.cwd(), [
    out,
    path.dirname(cacheDirFor(out)),
  ]);
  const parallel = Math.max(2, options.workers * 2);
  const diagnostics: Diagnostic[] = [];
  let done = 0;

  events.onPhase?.("read", files.length);
  const profile = options.raw ? null : createProfileBuilder();
  for await (const batch of inBatches(files, BATCH, parallel, (b) => runner.scan(b))) {
    for (const scanned of batch) {
      diagnostics.push(...scanned.diagnostics);
      if (scanned.article !== null) profile?.add(scanned.article);
    }
    done += batch.length;
    events.onProgress?.(done);
  }
  const mode: CleanMode =
    profile === null ? { raw: true } : { raw: false, profile: profile.finish() };

  events.onPhase?.("clean", files.length);
  done = 0;
  const records: ArticleRecord[] = [];
  const kept: TaskFile[] = [];
  const signatures: { id: number; signature: Uint32Array }[] = [];
  let i = 0;
  for await (const batch of inBatches(files, BATCH, parallel, (b) => runner.clean(b, mode))) {
    for (const cleaned of batch) {
      const file = files[i++];
      if (cleaned.record === null || file === undefined) continue;
      if (cleaned.signature !== null)
        signatures.push({ id: records.length, signature: cleaned.signature });
      records.push(cleaned.record);
      kept.push(file);
    }
    done += batch.length;
    events.onProgress?.(done);
  }
  const nearDuplicates = signatures.length > 0 ? groupNearDuplicates(signatures) : [];
  return { found: files.length, files: kept, records, diagnostics, nearDuplicates, mode };
}
