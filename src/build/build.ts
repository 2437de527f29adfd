import path from "node:path";
import { compareDiagnostics } from "../core/format-diagnostic.js";
import type { Article, BuildOptions, BuildResult, Diagnostic } from "../core/types.js";
import { findInputs } from "../load/find-inputs.js";
import { buildArchive } from "../model/archive.js";
import { toRecord } from "../model/record.js";
import { countArticles } from "../render/pages/common.js";
import { createTemplates } from "../render/templates.js";
import { guardOutput } from "../write/guard-output.js";
import { openOutput } from "../write/output.js";
import { cleanAll } from "./clean-all.js";
import { readInputs } from "./read-inputs.js";
import { renderSite } from "./render-site.js";

/** Progress callbacks, for a progress bar. */
export interface BuildEvents {
  readonly onPhase?: (phase: "read" | "render", total: number) => void;
  readonly onProgress?: (done: number) => void;
}

/** Where the build keeps what it needs to rebuild only what changed: beside the output. */
export function cacheDirFor(out: string): string {
  return path.join(path.dirname(out), ".broadsheet-cache", path.basename(out));
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
  const { articles, diagnostics, nearDuplicates } = await analyseInputs(options, out, events);
  const { archive, diagnostics: modelDiagnostics } = buildArchive(articles.map(toRecord), {
    includeSuspect: options.includeSuspect,
    nearDuplicates,
  });
  diagnostics.push(...modelDiagnostics);
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

  const templates = createTemplates(options.templates);
  const writer = await openOutput(out, cacheDirFor(out));
  let pages = 0;
  events.onPhase?.("render", archive.entries.length);
  try {
    await renderSite(
      {
        archive,
        articles: new Map(articles.map((a) => [a.file, a])),
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
}

/** Finds, reads, parses and cleans the inputs. */
export async function analyseInputs(
  options: BuildOptions,
  out: string,
  events: BuildEvents = {},
): Promise<{
  files: number;
  articles: Article[];
  diagnostics: Diagnostic[];
  nearDuplicates: number[][];
}> {
  const files = await findInputs(options.inputs, process.cwd(), [
    out,
    path.dirname(cacheDirFor(out)),
  ]);
  events.onPhase?.("read", files.length);
  const read = await readInputs(files, events.onProgress);
  const { cleaned, nearDuplicates } = cleanAll(read.articles, options.raw);
  return { files: files.length, articles: cleaned, diagnostics: read.diagnostics, nearDuplicates };
}
