import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Entry } from "../core/types.js";
import type { Archive, ArticleRecord } from "../model/archive.js";
import type { SiteContext } from "../render/pages/common.js";
import { safeJoin } from "../write/output.js";
import type { CachedClean } from "./cache.js";
import type { TaskRunner } from "./pool.js";
import type { CleanMode, RenderItem, TaskFile, TemplateSource } from "./tasks.js";

/** What the last finished build of a session knew, enough to render one of its articles again. */
export interface LastBuild {
  readonly out: string;
  readonly archive: Archive;
  /** Input files by absolute path. */
  readonly files: ReadonlyMap<string, TaskFile>;
  /** Cleaned records (in the build cache) by absolute path. */
  readonly cleans: ReadonlyMap<string, CachedClean>;
  readonly mode: CleanMode;
  readonly site: SiteContext;
  readonly templates: TemplateSource;
}

/** Record fields that place an article in the archive: a change to one moves or renames pages. */
const PLACING: readonly (keyof ArticleRecord)[] = [
  "url",
  "urlKey",
  "link",
  "title",
  "domain",
  "section",
  "suspect",
];

/**
 * Renders the pages of edited articles straight into the output, ahead of the rebuild that brings
 * the rest of the site (listings, search, feeds) up to date: what a watching author looks at shows
 * at once. Only edits that leave an article in its place qualify (same title, authors, date, URL);
 * each page is replaced whole by a rename. Returns the paths of the pages written.
 */
export async function previewEdits(
  last: LastBuild,
  runner: TaskRunner,
  changed: readonly string[],
): Promise<string[]> {
  if (changed.length === 0 || changed.some((p) => !last.cleans.has(p))) return [];
  const files = changed.map((p) => last.files.get(p)).filter((f) => f !== undefined);
  if (files.length !== changed.length) return [];
  const entries = entriesByFile(last.archive);
  const cleaned = await runner.clean(files, last.mode, null, []);
  const items: RenderItem[] = [];
  for (const [i, file] of files.entries()) {
    const before = last.cleans.get(file.absolute)?.record;
    const after = cleaned[i]?.record;
    const entry = entries.get(file.display);
    if (before === undefined || after == null || entry === undefined) continue;
    if (!samePlace(before, after)) continue;
    items.push({
      file,
      entry: {
        ...entry,
        wordCount: after.wordCount,
        readingMinutes: after.readingMinutes,
        contentHash: after.contentHash,
        summary: after.summary,
      },
      nav: {
        newer: neighbour(last.archive.entries[entry.id - 1]),
        older: neighbour(last.archive.entries[entry.id + 1]),
      },
    });
  }
  if (items.length === 0) return [];
  const pages = await runner.render(items, last.mode, last.site, last.templates, null);
  pages.forEach((page, i) => {
    const item = items[i];
    if (page.html === null || item === undefined) return;
    const target = safeJoin(last.out, item.entry.path);
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.preview`);
    writeFileSync(temp, page.html);
    renameSync(temp, target);
  });
  return items.map((item) => item.entry.path);
}

/** Entries by input file, made once per archive: a dev server previews many edits of one build. */
const byFile = new WeakMap<Archive, ReadonlyMap<string, Entry>>();

function entriesByFile(archive: Archive): ReadonlyMap<string, Entry> {
  let map = byFile.get(archive);
  if (map === undefined) {
    map = new Map(archive.entries.map((e) => [e.file, e]));
    byFile.set(archive, map);
  }
  return map;
}

function samePlace(a: ArticleRecord, b: ArticleRecord): boolean {
  if (PLACING.some((key) => a[key] !== b[key])) return false;
  if (a.published?.iso !== b.published?.iso) return false;
  return a.authors.join("\0") === b.authors.join("\0");
}

function neighbour(e: Entry | undefined): Pick<Entry, "path" | "title"> | null {
  return e === undefined ? null : { path: e.path, title: e.title };
}
