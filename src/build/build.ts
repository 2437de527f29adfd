import path from "node:path";
import { compareDiagnostics } from "../core/format-diagnostic.js";
import { createPhaseTimer } from "../core/timing.js";
import type { BuildOptions, BuildResult } from "../core/types.js";
import { buildArchive } from "../model/archive.js";
import { countArticles } from "../render/pages/common.js";
import { createTemplates } from "../render/templates.js";
import { guardOutput } from "../write/guard-output.js";
import { openOutput } from "../write/output.js";
import { analyseInputs, type BuildEvents, cacheDirFor } from "./analyse-inputs.js";
import { digest, loadCache, saveCache, templateDigests } from "./cache.js";
import { createRunner } from "./pool.js";
import { type RenderCache, renderSite } from "./render-site.js";

/** Templates an article page is made from; editing others leaves article pages alone. */
const ARTICLE_TEMPLATES = ["layout.eta", "article.eta", "partials"];
/** Changes whenever the same input could produce different output. */
const GENERATOR_STAMP = "broadsheet 0.1.0";

export { type BuildEvents, cacheDirFor };

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
  const cacheDir = cacheDirFor(out);
  const cache = await loadCache(cacheDir, GENERATOR_STAMP);
  try {
    const analysed = await analyseInputs(options, out, runner, events, cache);
    const templateStamps = await templateDigests(options.templates, ARTICLE_TEMPLATES);
    const lap = createPhaseTimer();
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

    const writer = await openOutput(out, cacheDir);
    let pages = 0;
    lap("model");
    events.onPhase?.("render", archive.entries.length);
    let rendered: RenderCache;
    try {
      rendered = await renderSite(
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
          previous: cache,
          stamp: digest([templateStamps.article, analysed.profileDigest]),
          pagesStamp: templateStamps.all,
          profileDigest: analysed.profileDigest,
        },
        writer,
        () => events.onProgress?.(++pages),
      );
    } catch (error) {
      await writer.abort();
      throw error;
    }
    lap("render");
    const { written } = await writer.commit();
    lap("commit");
    await saveCache(cacheDir, GENERATOR_STAMP, {
      learned: analysed.learned,
      cleans: analysed.cleans,
      ...rendered,
    });
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
