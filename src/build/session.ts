import { rm } from "node:fs/promises";
import path from "node:path";
import { collectGarbage } from "../core/collect-garbage.js";
import { compareDiagnostics } from "../core/format-diagnostic.js";
import { withHeapGrowthFree } from "../core/heap-growth.js";
import { isInside } from "../core/inside.js";
import { createPhaseTimer } from "../core/timing.js";
import type { BuildOptions, BuildResult, Diagnostic } from "../core/types.js";
import { type Archive, buildArchive } from "../model/archive.js";
import type { SiteContext } from "../render/pages/common.js";
import { createTemplates } from "../render/templates.js";
import { guardOutput } from "../write/guard-output.js";
import { openOutput } from "../write/output.js";
import { lockOutput, type OutputLock } from "../write/output-lock.js";
import { Deletions } from "../write/trash.js";
import { type Analysed, analyseInputs, type BuildEvents, cacheDirFor } from "./analyse-inputs.js";
import { type BuildCache, digest, templateDigests } from "./cache.js";
import { CACHE_FILE, type CacheWriter, loadCache, saveCache, writeCache } from "./cache-store.js";
import { generatorStamp } from "./generator-stamp.js";
import { checkLastBuild, forgetLastBuild, saveLastBuild } from "./last-build.js";
import { createRunner, type TaskRunner } from "./pool.js";
import { type LastBuild, previewEdits } from "./preview-edits.js";
import { type RenderCache, renderSite } from "./render-site.js";
import { searchBaseIn } from "./search-base.js";
import { openSpool, type Spool } from "./spool.js";

/** Templates an article page is made from; editing others leaves article pages alone. */
const ARTICLE_TEMPLATES = ["layout.eta", "article.eta", "partials"];
/** Templates only article pages use, unless another template includes them. */
const ARTICLE_ONLY = ["article.eta"];
/**
 * Builds one site again and again, keeping between builds what a new process would have to
 * reload: the worker pool and, when the cache is saved only on close, the build cache.
 */
export interface BuildSession {
  /**
   * Builds the site. `changed` lists the input files (absolute paths) changed since the previous
   * call, as a file watcher saw them; other inputs are then trusted unchanged without a `stat`.
   * `null` checks every input.
   */
  build(
    options: BuildOptions,
    events?: BuildEvents,
    changed?: readonly string[] | null,
  ): Promise<BuildResult>;
  /**
   * Writes the pages of edited articles into the output of the last build, before `build` brings
   * the rest up to date; see {@link previewEdits}. Returns the pages written, 0 when the edits
   * need a full rebuild to show.
   */
  preview(changed: readonly string[]): Promise<number>;
  /**
   * Whether the last build read `path` (absolute) as an input file, parsed or not, or input files
   * inside it as a folder; false when the session keeps no state between builds.
   */
  readInput(path: string): boolean;
  /** Saves the cache when the session keeps it in memory, and stops the workers. */
  close(): Promise<void>;
}

/** When the session writes its cache to disk. */
export type CachePersistence =
  /**
   * During every build: one-shot builds. What the build learned of its inputs is written before
   * rendering and not held after it; the next build reads the cache from disk.
   */
  | "each-build"
  /**
   * Only on `close`. The cache on disk is removed by the first build, so a session killed before
   * it closes leaves no cache older than the site it wrote; the next build is then a full one.
   */
  | "on-close";

interface SessionState {
  readonly out: string;
  readonly cache: BuildCache;
  readonly last: LastBuild;
}

/** Starts a session; see {@link BuildSession}. */
export function createBuildSession(persistence: CachePersistence): BuildSession {
  let runner: { workers: number; tasks: TaskRunner } | null = null;
  let state: SessionState | null = null;
  /** Changes seen since the last successful build; `null` once any call did not list them. */
  let pending: Set<string> | null = null;
  /** Output files written by `preview` since the last build: the manifest is not trusted on them. */
  const previewed = new Set<string>();
  const deletions = new Deletions();
  /** Held from the first build into a folder until the session closes or builds elsewhere. */
  let lock: { out: string; held: OutputLock } | null = null;

  const runnerFor = async (workers: number): Promise<TaskRunner> => {
    if (runner?.workers === workers) return runner.tasks;
    await runner?.tasks.close();
    // A session that lives on between builds (a dev server) keeps its threads for the next edit.
    runner = { workers, tasks: createRunner(workers, persistence === "on-close") };
    return runner.tasks;
  };

  return {
    async build(options, events = {}, changed = null) {
      const started = performance.now();
      const lap = createPhaseTimer();
      const cwd = process.cwd();
      guardOutput(options.out, options.inputs, cwd);
      const out = path.resolve(cwd, options.out);
      const templates = createTemplates(options.templates);
      const cacheDir = cacheDirFor(out);
      if (lock?.out !== out) {
        lock?.held.release();
        lock = null;
        const command = persistence === "each-build" ? "build" : "dev server";
        lock = { out, held: await lockOutput(cacheDir, out, command) };
      }
      const warm = state?.out === out ? state : null;
      if (warm === null || changed === null) pending = null;
      else for (const file of changed) pending?.add(file);
      // Both read files on the way to the no-change check: read at once.
      const [generator, templateStamps] = await Promise.all([
        generatorStamp(),
        templateDigests(options.templates, ARTICLE_TEMPLATES, ARTICLE_ONLY),
      ]);
      // A one-shot build of unchanged inputs over an untouched output has nothing to do.
      const check =
        persistence === "each-build"
          ? await checkLastBuild(generator, options, out, cacheDir, templateStamps.all)
          : null;
      if (check?.last) {
        lap("unchanged");
        return { ...check.last, written: 0, seconds: (performance.now() - started) / 1000 };
      }
      await forgetLastBuild(cacheDir);
      const tasks = await runnerFor(options.workers);
      // A session that wrote the output itself trusts its manifest, but for pages it previewed;
      // otherwise the workers check the output against it while this thread loads the cache.
      const opening = openOutput(out, cacheDir, {
        manifest: warm !== null,
        except: previewed,
        check: (dir, files) => tasks.changedOutputs(dir, files),
        // A one-shot build ends once its site is in place; a server deletes as it goes.
        emptying: persistence === "each-build" ? "detached" : deletions,
      });
      // Awaited once the archive is modelled; a failure until then must not count as unhandled.
      opening.catch(() => undefined);
      let saving: CacheWriter | null = null;
      let committing = false;
      let spool: Spool | null = null;
      try {
        const cache =
          warm?.cache ?? (await withHeapGrowthFree(() => loadCache(cacheDir, generator)));
        if (warm === null && persistence === "on-close") {
          await rm(path.join(cacheDir, CACHE_FILE), { force: true });
        }
        lap("load cache");
        spool = await openSpool(cacheDir);
        const analysed = await analyseInputs(options, out, tasks, {
          events,
          cache,
          changed: pending,
          found: check?.found,
          spool,
        });
        lap("analyse");
        // Saved and let go before modelling, so the archive is never held beside it.
        saving = persistence === "each-build" ? await saveLearned(cacheDir, analysed, cache) : null;
        if (saving !== null) lap("write cache");
        const { archive, diagnostics } = modelArchive(analysed, options);
        lap("model");

        const writer = await opening;
        let pages = 0;
        events.onPhase?.("render", archive.entries.length);
        const site = siteContext(options);
        const stamp = digest([templateStamps.article, analysed.profileDigest]);
        const rendered = await renderSite(
          {
            archive,
            files: new Map(analysed.files.map((f) => [f.display, f])),
            spooled: analysed.spooled,
            scratch: spool.dir,
            mode: analysed.mode,
            runner: tasks,
            workers: options.workers,
            diagnostics,
            site,
            pageSize: options.pageSize,
            templates,
            templatesDir: options.templates,
            previous: cache,
            stamp,
            pagesStamp: templateStamps.pages,
            profileDigest: analysed.profileDigest,
            searchBase: searchBaseIn(cacheDir, generator),
          },
          writer,
          () => {
            pages++;
            events.onProgress?.(pages);
          },
        );
        await spool.remove();
        spool = null;
        lap("render");
        // Rendering's garbage goes before the commit allocates its own: the peak of a large
        // one-shot build. A session that keeps its state would only pay for it on every rebuild.
        if (saving !== null) collectGarbage();
        committing = true;
        const { written } = await writer.commit();
        lap("commit");
        previewed.clear();
        const result = { articles: archive.entries.length, pages, diagnostics };
        if (saving === null) {
          const templatesUsed = { dir: options.templates, stamp };
          state = {
            out,
            cache: nextCache(analysed, rendered),
            last: lastBuild(out, archive, analysed, site, templatesUsed),
          };
          pending = new Set();
        } else {
          await saving.write("renders", rendered.renders);
          await saving.seal(rendered.search);
          if (check) await saveLastBuild(cacheDir, check.fingerprint, result);
          lap("save cache");
        }
        return { ...result, written, seconds: (performance.now() - started) / 1000 };
      } catch (error) {
        // The old cache stays until a build seals a new one, and the output as it was unless the
        // commit started: then its journal finishes it on the next build.
        await saving?.abort();
        await spool?.remove();
        if (!committing) await (await opening.catch(() => null))?.abort();
        throw error;
      }
    },
    async preview(changed) {
      if (state === null || runner === null) return 0;
      const written = await previewEdits(state.last, runner.tasks, changed);
      for (const page of written) previewed.add(page);
      return written.length;
    },
    readInput(file) {
      const learned = state?.cache.learned;
      if (learned === undefined) return false;
      if (learned.has(file)) return true;
      for (const input of learned.keys()) if (isInside(file, input)) return true;
      return false;
    },
    async close() {
      if (persistence === "on-close" && state !== null) {
        await saveCache(cacheDirFor(state.out), await generatorStamp(), state.cache);
      }
      await runner?.tasks.close();
      runner = null;
      await deletions.settled();
      lock?.held.release();
      lock = null;
    },
  };
}

/**
 * Writes what a one-shot build learned of its inputs, and lets go of it while the build renders:
 * at 100,000 articles that is a tenth of its memory. Returns the writer that seals the cache.
 */
async function saveLearned(
  cacheDir: string,
  analysed: Analysed,
  cache: BuildCache,
): Promise<CacheWriter> {
  const saving = await writeCache(cacheDir, await generatorStamp(), cache);
  await saving.write("learned", analysed.learned);
  await saving.write("cleans", analysed.cleans);
  for (const map of [analysed.learned, analysed.cleans, cache.learned, cache.cleans]) map.clear();
  // What analysis left is garbage now; collected before rendering starts, it does not add to the
  // workers' and the search index's memory at the build's busiest moment.
  collectGarbage();
  return saving;
}

function siteContext(options: BuildOptions): SiteContext {
  return {
    title: options.title,
    lang: "en",
    baseUrl: options.baseUrl,
    feeds: options.baseUrl !== null,
  };
}

/** What a session keeps of a build to preview edits of its articles. */
function lastBuild(
  out: string,
  archive: Archive,
  analysed: Analysed,
  site: SiteContext,
  templates: LastBuild["templates"],
): LastBuild {
  const files = new Map(analysed.files.map((f) => [f.absolute, f]));
  return { out, archive, files, cleans: analysed.cleans, mode: analysed.mode, site, templates };
}

/** The cache a session keeps for its next build. */
function nextCache(analysed: Analysed, rendered: RenderCache): BuildCache {
  return { learned: analysed.learned, cleans: analysed.cleans, ...rendered };
}

/**
 * Models the analysed inputs into the archive, with every diagnostic of the build in order. Empties
 * `analysed.records`: they hold what entries do not need, such as URL keys, for as long as the
 * build runs.
 */
function modelArchive(
  analysed: Analysed,
  options: BuildOptions,
): { archive: Archive; diagnostics: Diagnostic[] } {
  const { archive, diagnostics: modelDiagnostics } = buildArchive(analysed.records, {
    includeSuspect: options.includeSuspect,
    nearDuplicates: analysed.nearDuplicates,
  });
  analysed.records.length = 0;
  const diagnostics: Diagnostic[] = [...analysed.diagnostics, ...modelDiagnostics];
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
  return { archive, diagnostics };
}
