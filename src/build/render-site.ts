import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { collectGarbage } from "../core/collect-garbage.js";
import { createPhaseTimer } from "../core/timing.js";
import type { Diagnostic, Entry } from "../core/types.js";
import type { Archive } from "../model/archive.js";
import { csvHeader, csvRows, exportRecord, ndjsonRow } from "../render/data-export.js";
import { renderFeeds } from "../render/feeds.js";
import { pageEntry } from "../render/pages/article.js";
import { type PageSpec, pageDataJson, type SiteContext } from "../render/pages/common.js";
import { indexPages } from "../render/pages/indexes.js";
import { listingPages } from "../render/pages/listings.js";
import { notFoundPage, reportPage, searchPage } from "../render/pages/misc.js";
import type { AnalyzedDoc, StoredFields } from "../render/search/analyze.js";
import { CHUNK } from "../render/search/byte-store.js";
import {
  createSearchIndexBuilder,
  type SearchIndexBuilder,
} from "../render/search/index-builder.js";
import { fileSnippets } from "../render/search/snippet-store.js";
import { renderSitemaps } from "../render/sitemap.js";
import type { Templates } from "../render/templates.js";
import type { OutputWriter } from "../write/output.js";
import { type BuildCache, digest, digestText } from "./cache.js";
import { INDEX_ALONE_FROM } from "./phase-order.js";
import { inBatches, type TaskRunner } from "./pool.js";
import type { SearchBaseStore } from "./search-base.js";
import type { SpoolRef } from "./spool.js";
import {
  type CleanMode,
  type RenderedPage,
  type RenderItem,
  type SearchPart,
  searchFields,
  type TaskFile,
} from "./tasks.js";

/** Article pages per render task. */
const ARTICLE_BATCH = 32;
/** Listing pages per render task. */
const PAGE_BATCH = 64;
/**
 * Bytes of postings the search index builder holds before it writes them out: at 100,000
 * articles they stay below it (about 90 MB), at 1,000,000 they would reach 735 MB.
 */
const POSTINGS_IN_MEMORY = 3 * CHUNK;

/** Everything the renderer needs besides the archive. */
export interface RenderInput {
  readonly archive: Archive;
  /** Input files by display path. */
  readonly files: ReadonlyMap<string, TaskFile>;
  /** Articles the cleaning pass of this build spooled, by display path. */
  readonly spooled: ReadonlyMap<string, SpoolRef>;
  /** A folder for what the build keeps on disk while it runs, removed after it. */
  readonly scratch: string;
  readonly mode: CleanMode;
  readonly runner: TaskRunner;
  readonly workers: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly site: SiteContext;
  readonly pageSize: number;
  readonly templates: Templates;
  readonly templatesDir: string;
  /** The previous build's cache, to skip article pages and a search index that are unchanged. */
  readonly previous: BuildCache;
  /** Digest of the article templates and the cleaning profile. */
  readonly stamp: string;
  /** Digest of every template, for the other pages. */
  readonly pagesStamp: string;
  /** Digest of the cleaning profile: the search index depends on it, not on templates. */
  readonly profileDigest: string;
  /** The last search index's postings, to analyse again only the articles that changed. */
  readonly searchBase: SearchBaseStore;
}

/** What rendering leaves for the next build's cache. */
export type RenderCache = Pick<BuildCache, "renders" | "search">;

/** Renders and writes every page, feed, index and asset of the site. */
export async function renderSite(
  input: RenderInput,
  writer: OutputWriter,
  onPage: () => void,
): Promise<RenderCache> {
  // The data exports and feeds need only the archive: written while the workers render article
  // pages, in time the main thread would spend waiting for them.
  const exporting = writeExports(input, writer);
  exporting.catch(() => undefined);
  try {
    return await renderPagesAndIndex(input, writer, onPage, exporting);
  } catch (error) {
    // A failed build must not leave it writing into a staging folder a later build reuses.
    await exporting.catch(() => undefined);
    throw error;
  }
}

/** Everything but the exports and feeds, which `exporting` writes meanwhile. */
async function renderPagesAndIndex(
  input: RenderInput,
  writer: OutputWriter,
  onPage: () => void,
  exporting: Promise<void>,
): Promise<RenderCache> {
  const { archive, site, templates } = input;
  const lap = createPhaseTimer();
  const write = async (spec: PageSpec) => {
    await writer.write(spec.path, templates.render(spec.template, spec.data));
    onPage();
  };
  // Made for a batch as it goes to a worker: held for every article, the items and their
  // neighbours were four objects an article through the whole render.
  const itemOf = (entry: Entry): RenderItem => ({
    file: fileOf(input.files, entry.file),
    spooled: input.spooled.get(entry.file) ?? null,
    entry,
    nav: navOf(archive.entries, entry.id),
  });
  const renders = new Map<string, string>();
  const toRender: Entry[] = [];
  const unchanged: Entry[] = [];
  for (const entry of archive.entries) {
    const key = digest([input.stamp, site, pageEntry(entry), navOf(archive.entries, entry.id)]);
    renders.set(entry.path, key);
    const same = input.previous.renders.get(entry.path) === key;
    if (same && writer.keep(entry.path)) {
      unchanged.push(entry);
      onPage();
    } else {
      toRender.push(entry);
    }
  }

  // The index depends on every article, so it is rebuilt whole, or kept whole when no article
  // changed; then its files are kept as they are.
  // What each article's search document is made from, by entry id.
  const docKeys = archive.entries.map((e) =>
    digest([input.profileDigest, e.contentHash, searchFields(e)]),
  );
  const searchKey = digestText(docKeys);
  const keepSearch =
    input.previous.search.key === searchKey && writer.keepAll(input.previous.search.files);
  if (keepSearch) {
    // The index files a later build may keep by their keys (see `writeIndexFiles`).
    for (const file of input.previous.search.files) {
      const key = input.previous.renders.get(file);
      if (key !== undefined) renders.set(file, key);
    }
  }
  // Only the keys of the last build's search base are read before the article pages, to ask
  // workers for the documents it lacks; the base itself, as large as a sixth of the text, is read
  // once the workers are done with the pages.
  const baseKeys = new Set(keepSearch ? [] : ((await input.searchBase.keys()) ?? []));
  // At a million articles the snippets and postings are the largest part of the builder: both go
  // to disk, the postings whenever they outgrow a few of the pool's blocks.
  let search = keepSearch
    ? null
    : createSearchIndexBuilder(fileSnippets(path.join(input.scratch, "search-snippets.bin")), {
        file: path.join(input.scratch, "search-postings.bin"),
        limit: POSTINGS_IN_MEMORY,
      });
  /** Articles rendered without a search document, to take from the base. */
  const fromBase: Entry[] = [];
  lap("search base keys");
  // A page found the same as the previous build's was kept (or rendered again) by `settle`. The
  // writer keeps the entry's or spec's path: workers do not send theirs back.
  const stage = async (relPath: string, page: RenderedPage) => {
    if (page.html !== null) await writer.write(relPath, page.html);
    else if (!page.same) writer.adopt(relPath, page.hash, page.stamp);
    onPage();
  };
  const parallel = Math.max(2, input.workers * 4);
  const renderArticles = (batch: readonly Entry[], compare: boolean) =>
    input.runner.render(
      batch.map((entry) => ({
        ...itemOf(entry),
        previousHash: compare ? writer.previousHash(entry.path) : null,
        analyse: search !== null && !baseKeys.has(docKeys[entry.id] as string),
      })),
      input.mode,
      site,
      { dir: input.templatesDir, stamp: input.stamp },
      writer.staging,
    );
  const renderBatch = async (batch: readonly Entry[]) =>
    settle(writer, batch, entryPath, await renderArticles(batch, true), (redo) =>
      renderArticles(redo, false),
    );
  let i = 0;
  for await (const batch of inBatches(toRender, ARTICLE_BATCH, parallel, renderBatch)) {
    for (const page of batch) {
      const entry = toRender[i++] as Entry;
      if (page.search !== null)
        search?.add(withFieldsOf(page.search, entry), docKeys[entry.id] as string);
      else if (search !== null) fromBase.push(entry);
      await stage(entry.path, page);
    }
  }
  lap("article pages");
  baseKeys.clear();
  // The search index is encoded in this thread while the workers render the listing pages: done
  // one after the other, a core stood idle through each (5 and 9 s at 100,000 articles). A large
  // archive finishes the index first, to hold less at once.
  const indexing =
    search === null
      ? Promise.resolve(input.previous.search.files)
      : finishSearch(input, writer, search, {
          fromBase,
          unchanged,
          docKeys,
          itemOf,
          parallel,
          renders,
        });
  search = null;
  indexing.catch(() => undefined);
  if (archive.entries.length >= INDEX_ALONE_FROM) await indexing;
  try {
    await renderListings(input, writer, renders, stage, onPage, parallel);
  } finally {
    // A failed build must not leave the index writing into a staging folder a later build reuses.
    await indexing.catch(() => undefined);
  }
  const searchFiles = await indexing;
  await write(searchPage(site));
  await write(notFoundPage(site));
  await write(reportPage(archive, input.diagnostics, site));
  lap("search index and listing pages");
  await copyAssets(input.templatesDir, writer);
  await exporting;
  if (site.baseUrl !== null) {
    const pages = [...writer.produced.keys()]
      .filter((p) => p.endsWith(".html") && p !== "404.html")
      .sort();
    for (const file of renderSitemaps(pages, site.baseUrl))
      await writer.write(file.path, file.contents);
  } else {
    await writer.write("robots.txt", "User-agent: *\nAllow: /\n");
  }
  lap("exports, feeds and sitemaps");
  return { renders, search: { key: searchKey, files: searchFiles } };
}

/** What the article pages left for the search index to take from the base or analyse. */
interface SearchLeft {
  /** Articles rendered without a search document, to take from the base. */
  readonly fromBase: readonly Entry[];
  /** Articles whose pages were kept. */
  readonly unchanged: readonly Entry[];
  /** What each article's search document is made from, by entry id. */
  readonly docKeys: readonly string[];
  readonly itemOf: (entry: Entry) => RenderItem;
  readonly parallel: number;
  /** Keys of the pages and index files made, for the next build. */
  readonly renders: Map<string, string>;
}

/** Milliseconds the index encoder runs before it lets the listing pages' messages in. */
const SLICE_MS = 10;

/**
 * Completes the search index with what the article pages left and writes its files and the next
 * build's base. It gives way to the event loop every few milliseconds, so that the listing pages
 * rendered meanwhile keep the workers busy; returns the index's files.
 */
async function finishSearch(
  input: RenderInput,
  writer: OutputWriter,
  search: SearchIndexBuilder,
  left: SearchLeft,
): Promise<string[]> {
  const { docKeys } = left;
  const base = await input.searchBase.load();
  if (base !== null) search.useBase(base);
  // The base read whole decides: an article it lacks after all (the file changed or failed
  // its check since its keys were read) is analysed again.
  const ords = new Map(base?.keys.map((key, ord) => [key, ord]));
  const toAnalyze: Entry[] = [];
  for (const list of [left.fromBase, left.unchanged]) {
    for (const entry of list) {
      const ord = ords.get(docKeys[entry.id] as string);
      if (ord === undefined) toAnalyze.push(entry);
      else search.keep(ord, entry.id, storedFields(entry));
    }
  }
  ords.clear();
  const analyzeBatch = (batch: readonly Entry[]) =>
    input.runner.analyze(batch.map(left.itemOf), input.mode);
  let i = 0;
  for await (const docs of inBatches(toAnalyze, ARTICLE_BATCH, left.parallel, analyzeBatch)) {
    for (const doc of docs) {
      const entry = toAnalyze[i++] as Entry;
      search.add(withFieldsOf(doc, entry), docKeys[entry.id] as string);
    }
  }
  const next = await input.searchBase.open();
  const written: string[] = [];
  const keep = (relPath: string, key: string): string | null => {
    left.renders.set(relPath, key);
    const hash = writer.previousHash(relPath);
    if (hash === null || input.previous.renders.get(relPath) !== key || !writer.keep(relPath))
      return null;
    written.push(relPath);
    return hash;
  };
  try {
    let slice = performance.now();
    for (const file of search.finish(next.output, keep)) {
      await writer.write(file.path, file.contents);
      written.push(file.path);
      if (performance.now() - slice > SLICE_MS) {
        await new Promise(setImmediate);
        slice = performance.now();
      }
    }
    await next.commit();
  } catch (error) {
    await next.abort();
    throw error;
  }
  // The builder held every posting and snippet: the listing pages need not carry it.
  collectGarbage();
  return written;
}

/** Renders the listing and index pages, keeping those whose data and templates are unchanged. */
async function renderListings(
  input: RenderInput,
  writer: OutputWriter,
  renders: Map<string, string>,
  stage: (relPath: string, page: RenderedPage) => Promise<void>,
  onPage: () => void,
  parallel: number,
): Promise<void> {
  const { archive, site } = input;
  const source = { dir: input.templatesDir, stamp: input.pagesStamp };
  const renderPages = async (specs: readonly PageSpec[]) => {
    const pages = await settle(
      writer,
      specs,
      specPath,
      await input.runner.pages(
        specs,
        source,
        writer.staging,
        specs.map((spec) => writer.previousHash(spec.path)),
      ),
      (redo) => input.runner.pages(redo, source, writer.staging, []),
    );
    return pages.map((page, k) => ({ page, relPath: (specs[k] as PageSpec).path }));
  };
  function* listings(): Generator<PageSpec> {
    for (const spec of chain(
      listingPages(archive, site, input.pageSize),
      indexPages(archive, site),
    )) {
      const key = digestText([input.pagesStamp, spec.template, pageDataJson(spec.data)]);
      renders.set(spec.path, key);
      if (input.previous.renders.get(spec.path) === key && writer.keep(spec.path)) onPage();
      else yield spec;
    }
  }
  for await (const batch of inBatches(listings(), PAGE_BATCH, parallel, renderPages)) {
    for (const { relPath, page } of batch) await stage(relPath, page);
  }
}

/** Writes `articles.ndjson`, `articles.csv` and, with a base URL, the feeds. */
async function writeExports(input: RenderInput, writer: OutputWriter): Promise<void> {
  const { archive, site } = input;
  const byFile = diagnosticsByFile(input.diagnostics);
  await writer.writeLines(
    "articles.ndjson",
    mapEach(archive.entries, (e) => ndjsonRow(exportRecord(e, byFile.get(e.file) ?? []))),
  );
  await writer.writeLines(
    "articles.csv",
    chain(
      [csvHeader()],
      csvRows(mapEach(archive.entries, (e) => exportRecord(e, byFile.get(e.file) ?? []))),
    ),
  );
  if (site.baseUrl === null) return;
  for (const file of renderFeeds(archive.entries, site.title, site.baseUrl))
    await writer.write(file.path, file.contents);
}

/**
 * Keeps the pages a worker found the same as the previous build's, where the output still holds
 * them; pages changed in the output since then are rendered `again` into the staging folder.
 */
async function settle<T, P extends RenderedPage>(
  writer: OutputWriter,
  items: readonly T[],
  pathOf: (item: T) => string,
  pages: P[],
  again: (items: readonly T[]) => Promise<P[]>,
): Promise<P[]> {
  const redo: number[] = [];
  pages.forEach((page, i) => {
    if (page.same && !writer.keep(pathOf(items[i] as T))) redo.push(i);
  });
  if (redo.length === 0) return pages;
  const fresh = await again(redo.map((i) => items[i] as T));
  redo.forEach((i, k) => {
    pages[i] = fresh[k] as P;
  });
  return pages;
}

function* chain<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}

/** What a search result shows of an entry, but for the snippet its text gives. */
function storedFields(entry: Entry): StoredFields {
  const { path, title, date, source, authors } = searchFields(entry);
  return { path, title, date, source, authors };
}

/** The search document of a worker's part, its id and stored fields taken from the entry. */
function withFieldsOf({ snippet, ...part }: SearchPart, entry: Entry): AnalyzedDoc {
  return { ...part, id: entry.id, stored: { ...storedFields(entry), snippet } };
}

const entryPath = (entry: Entry): string => entry.path;
const specPath = (spec: PageSpec): string => spec.path;

function navOf(entries: readonly Entry[], id: number): RenderItem["nav"] {
  return { newer: neighbour(entries, id - 1), older: neighbour(entries, id + 1) };
}

function neighbour(entries: readonly Entry[], id: number): Pick<Entry, "path" | "title"> | null {
  const e = entries[id];
  return e === undefined ? null : { path: e.path, title: e.title };
}

function fileOf(files: ReadonlyMap<string, TaskFile>, display: string): TaskFile {
  const file = files.get(display);
  if (file === undefined) throw new Error(`no input file ${display}`);
  return file;
}

function diagnosticsByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const map = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = map.get(d.file) ?? [];
    list.push(d);
    map.set(d.file, list);
  }
  return map;
}

function* mapEach<T, U>(items: readonly T[], map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** Copies `templates/assets/` into `assets/`, in sorted order so output is stable. */
async function copyAssets(templatesDir: string, writer: OutputWriter): Promise<void> {
  const dir = path.join(templatesDir, "assets");
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  for (const name of names) {
    if (name.startsWith(".")) continue;
    await writer.write(`assets/${name}`, await readFile(path.join(dir, name)));
  }
}
