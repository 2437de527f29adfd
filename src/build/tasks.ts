import { readFileSync } from "node:fs";
import { cleanArticle } from "../clean/clean-article.js";
import { bodySignature } from "../clean/near-duplicates.js";
import { type CorpusProfile, type ProfileFacts, profileFacts } from "../clean/profile.js";
import { BuildError } from "../core/errors.js";
import type { Article, Diagnostic, Entry, ParseResult } from "../core/types.js";
import { type ReadAhead, readAheadBytes } from "../load/read-ahead.js";
import type { ArticleRecord } from "../model/archive.js";
import { toRecord } from "../model/record.js";
import { parseSource } from "../parse/parse-source.js";
import { type ArticleNav, articlePage } from "../render/pages/article.js";
import type { PageSpec, SiteContext } from "../render/pages/common.js";
import { type AnalyzedDoc, analyzeForSearch, type SearchDoc } from "../render/search/analyze.js";
import { createTemplates, type Templates } from "../render/templates.js";
import { type FileStamp, hashOf, type Staging, writeStaged } from "../write/output.js";
import { readSpooled, type Span, type SpoolRef, spoolArticles } from "./spool.js";

/** An input file as tasks see it. */
export interface TaskFile {
  readonly absolute: string;
  readonly display: string;
}

/**
 * The compact facts of one cleaned article that the model needs; results come back in the order
 * of the files asked for, which name them.
 */
export interface Cleaned {
  readonly record: ArticleRecord | null;
  readonly signature: Uint32Array | null;
  /** Where the cleaned article lies in the task's spool file; `null` without one. */
  readonly spooled: Span | null;
}

/** One article page to render, with its place in the archive. */
export interface RenderItem {
  readonly file: TaskFile;
  readonly entry: Entry;
  readonly nav: ArticleNav;
  /** The article as the cleaning pass of this build left it, when it did (see `spool.ts`). */
  readonly spooled?: SpoolRef | null;
  /** Hash of the page the previous build wrote, so an unchanged page is not staged again. */
  readonly previousHash?: string | null;
  /** Whether to return the article's search document: only when the index has no postings of it. */
  readonly analyse?: boolean;
}

/** A rendered article page and its search document. */
export interface Rendered extends RenderedPage {
  /** `null` unless the item asked for it. */
  readonly search: SearchPart | null;
}

/**
 * What a worker sends of an article's search document: its id and stored fields are the entry's,
 * which the main thread holds already, so only the snippet of the stored fields crosses.
 */
export type SearchPart = Omit<AnalyzedDoc, "id" | "stored"> & { readonly snippet: Uint8Array };

/** How cleaning is done: with the corpus profile, or not at all (`--raw`). */
export type CleanMode =
  | { readonly raw: true }
  | { readonly raw: false; readonly profile: CorpusProfile };

/**
 * What the first pass keeps of a file: its diagnostics and what the cleaning profile learns. Like
 * `Cleaned`, named by its place in the files asked for.
 */
export interface Learned {
  /** SHA-256 of the bytes, `null` when the file is not an article. */
  readonly contentHash: string | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly facts: ProfileFacts | null;
}

/** A first-pass task's results, and where it spooled the parsed articles. */
export interface LearnedBatch {
  readonly learned: Learned[];
  /** Parallel to `learned`; empty without a spool file. */
  readonly spooled: readonly (Span | null)[];
}

/**
 * Parses files for the first pass: diagnostics and profile facts, no article text. Files the main
 * thread read `ahead` are parsed from its bytes. With a `spool` file, the parsed articles are
 * written there for the cleaning pass.
 */
export async function learnFiles(
  files: readonly TaskFile[],
  ahead: ReadAhead | null = null,
  spool: string | null = null,
): Promise<LearnedBatch> {
  const scanned = files.map((file, i) => scanFile(file, readAheadBytes(ahead, i)));
  const learned = scanned.map(({ article, diagnostics }) => ({
    contentHash: article?.contentHash ?? null,
    diagnostics,
    facts: article === null ? null : profileFacts(article),
  }));
  const spooled =
    spool === null
      ? []
      : spoolArticles(
          spool,
          scanned.map((s) => s.article),
        );
  return { learned, spooled };
}

/**
 * Reads and parses a file, unless its `read` bytes are given; an unreadable file becomes an error
 * diagnostic, never a crash. Reads synchronously: a worker does one file at a time, and the sync
 * call is measurably faster.
 */
function scanFile(file: TaskFile, read: Uint8Array | null = null): ParseResult {
  try {
    return parseSource({ path: file.display, bytes: read ?? readFileSync(file.absolute) });
  } catch (error) {
    const diagnostic: Diagnostic = {
      file: file.display,
      line: 0,
      severity: "error",
      message: `Could not read the file: ${(error as Error).message}`,
      rule: "load/unreadable",
    };
    return { article: null, diagnostics: [diagnostic] };
  }
}

/**
 * Cleans files, keeping only what the model needs. Each file is parsed unless the first pass
 * spooled it (`parsed`, parallel to `files`); with a `spool` file, the cleaned articles are written
 * there for the render pass.
 */
export async function cleanFiles(
  files: readonly TaskFile[],
  mode: CleanMode,
  spool: string | null = null,
  parsed: readonly (SpoolRef | null)[] = [],
): Promise<Cleaned[]> {
  const spooled = readSpooled(parsed, files);
  const articles = files.map((file, i) => {
    const article = spooled[i] ?? scanFile(file).article;
    return article === null ? null : applyClean(article, mode);
  });
  const spans = spool === null ? null : spoolArticles(spool, articles);
  return articles.map((cleaned, i) => {
    if (cleaned === null) return { record: null, signature: null, spooled: null };
    return {
      record: toRecord(cleaned),
      signature: mode.raw ? null : bodySignature(cleaned),
      spooled: spans?.[i] ?? null,
    };
  });
}

/** Where article templates come from, and a digest of their contents. */
export interface TemplateSource {
  readonly dir: string;
  readonly stamp: string;
}

/** Compiled templates, by folder and contents, so an edited template is never served stale. */
const templateCache = new Map<string, Templates>();

function templatesFor(source: TemplateSource): Templates {
  const key = `${source.dir}\0${source.stamp}`;
  let templates = templateCache.get(key);
  if (templates === undefined) {
    templateCache.clear();
    templates = createTemplates(source.dir);
    templateCache.set(key, templates);
  }
  return templates;
}

/**
 * Parses, cleans and renders article pages, with the search document of each item that asks
 * for it (a template edit keeps the index and needs none). With a staging
 * folder, the worker writes the pages itself: the main thread then neither receives nor writes
 * the HTML, which kept it the slowest thread of a build.
 */
export async function renderArticles(
  items: readonly RenderItem[],
  mode: CleanMode,
  site: SiteContext,
  source: TemplateSource,
  staging: Staging | null,
): Promise<Rendered[]> {
  const templates = templatesFor(source);
  const articles = cleanedArticles(items, mode);
  return items.map((item, i) => {
    const cleaned = articles[i] as Article;
    const spec = articlePage(item.entry, cleaned, item.nav, site);
    const html = templates.render(spec.template, spec.data);
    const page = stagePage(spec.path, html, staging, item.previousHash ?? null);
    return { ...page, search: item.analyse === true ? searchDocument(item.entry, cleaned) : null };
  });
}

/**
 * A rendered page. With a staging folder the worker writes the page there and returns no HTML,
 * unless its bytes equal the previous build's (`same`): then it neither writes nor returns them,
 * since the output most likely still holds them (listings of a large site are a gigabyte of HTML
 * that would cross to the main thread only to be dropped). Without a staging folder the HTML is
 * returned.
 */
export interface RenderedPage {
  readonly html: string | null;
  readonly hash: string;
  readonly same: boolean;
  /** The staged file's size and time, when the worker wrote it. */
  readonly stamp: FileStamp | null;
}

/**
 * Renders pages whose data is complete (listings, indexes) in a worker, to spare the main thread,
 * writing them into `staging` unless their bytes equal `previous` (hashes parallel to `specs`).
 */
export function renderPages(
  specs: readonly PageSpec[],
  source: TemplateSource,
  staging: Staging | null,
  previous: readonly (string | null)[],
): RenderedPage[] {
  const templates = templatesFor(source);
  return specs.map((spec, i) => {
    const html = templates.render(spec.template, spec.data);
    return stagePage(spec.path, html, staging, previous[i] ?? null);
  });
}

function stagePage(
  relPath: string,
  html: string,
  staging: Staging | null,
  previousHash: string | null,
): RenderedPage {
  const hash = hashOf(html);
  if (staging === null) return { html, hash, same: false, stamp: null };
  if (hash === previousHash) return { html: null, hash, same: true, stamp: null };
  const stamp = writeStaged(staging, relPath, html);
  return { html: null, hash, same: false, stamp };
}

/** Parses and cleans articles again for the search index only, when their pages are unchanged. */
export async function analyzeArticles(
  items: readonly RenderItem[],
  mode: CleanMode,
): Promise<SearchPart[]> {
  const articles = cleanedArticles(items, mode);
  return items.map((item, i) => searchDocument(item.entry, articles[i] as Article));
}

function applyClean(article: Article, mode: CleanMode): Article {
  return mode.raw ? article : cleanArticle(article, mode.profile);
}

/**
 * The cleaned articles of modelled entries: read from the spool where this build's cleaning pass
 * left them, parsed and cleaned again as that pass did otherwise.
 */
function cleanedArticles(items: readonly RenderItem[], mode: CleanMode): Article[] {
  const spooled = readSpooled(
    items.map((item) => item.spooled),
    items.map((item) => item.file),
  );
  return items.map((item, i) => {
    const kept = spooled[i];
    if (kept != null) return kept;
    const { article } = scanFile(item.file);
    if (article === null) {
      throw new BuildError(
        `${item.file.display} changed while the site was being built; build again`,
      );
    }
    return applyClean(article, mode);
  });
}

/** What a search document takes from an entry besides its text: one list, so keys match it. */
export function searchFields(entry: Entry): Omit<SearchDoc, "id" | "text"> {
  return {
    path: entry.path,
    title: entry.title,
    authors: entry.authors.map((a) => a.name),
    date: entry.published?.iso ?? null,
    year: entry.published?.year ?? null,
    source: entry.domain,
  };
}

function searchDocument(entry: Entry, article: Article): SearchPart {
  const { id, stored, ...part } = analyzeForSearch({
    id: entry.id,
    ...searchFields(entry),
    text: article.body.kind === "text" ? article.body.paragraphs.join("\n") : article.body.markdown,
  });
  return { ...part, snippet: stored.snippet };
}
