import { hash } from "node:crypto";
import type { Entry } from "../../core/types.js";
import type { Pagination } from "../../model/paginate.js";
import { formatDate } from "../dates.js";

/**
 * What every page knows about the site. Nothing in it depends on the articles: it is part of
 * every page and of every page's key, and the count of articles it once held made each added or
 * removed article render and write every page again.
 */
export interface SiteContext {
  readonly title: string;
  readonly lang: string;
  /** Absolute base URL ending in `/`, or `null`. */
  readonly baseUrl: string | null;
  /** Feeds are written only when absolute URLs can be. */
  readonly feeds: boolean;
}

/** The `<head>` and navigation state of a page, read by the layout. */
export interface PageHead {
  readonly title: string;
  readonly description: string;
  readonly canonical: string | null;
  /** Site-relative paths of the previous and next page of a listing. */
  readonly prev: string | null;
  readonly next: string | null;
  /** Which top navigation item is current. */
  readonly section: "home" | "dates" | "authors" | "sources" | "search" | "none";
  /** Open Graph and Twitter properties, in order. */
  readonly og: readonly (readonly [string, string])[];
  /** Serialised JSON-LD, already safe to place inside a script element. */
  readonly jsonLd: string | null;
}

/** The head of a page that is neither an article nor part of a paginated listing. */
export function plainHead(
  title: string,
  description: string,
  path: string,
  site: SiteContext,
  section: PageHead["section"],
): PageHead {
  return {
    title,
    description,
    canonical: absoluteUrl(site, path),
    prev: null,
    next: null,
    section,
    og: [],
    jsonLd: null,
  };
}

/** A rendered page: template name, data, and where it goes. */
export interface PageSpec {
  readonly path: string;
  readonly template: string;
  readonly data: object;
}

/**
 * The entry a view shows, under a symbol: neither JSON nor the structured clone that sends page
 * data to the workers copies a symbol-keyed property. Views are made afresh for every page and
 * die with its data, while the digest of an entry's view is made once and kept for the build:
 * kept, the views themselves held about 200 bytes an article of the main heap through the listing
 * pages, 200 MB at 1,000,000.
 */
const SHOWS: unique symbol = Symbol("entry");

/**
 * An entry as listings show it: only the fields the listing shows, since listing data is hashed
 * for the build cache and sent to worker threads, tens of thousands of pages at a time.
 */
export interface EntryView {
  readonly path: string;
  readonly title: string;
  readonly published: { readonly iso: string } | null;
  readonly dateText: string;
  readonly domain: string | null;
  readonly authors: readonly { readonly name: string }[];
  readonly readingMinutes: number;
  readonly summary: string;
  readonly [SHOWS]: Entry;
}

const viewKeys = new WeakMap<Entry, string>();

/** The listing view of an entry, with its formatted date. */
export function entryView(entry: Entry): EntryView {
  return {
    path: entry.path,
    title: entry.title,
    published: entry.published ? { iso: entry.published.iso } : null,
    dateText: entry.published ? formatDate(entry.published) : "Undated",
    domain: entry.domain,
    authors: entry.authors.map((a) => ({ name: a.name })),
    readingMinutes: entry.readingMinutes,
    summary: entry.summary,
    [SHOWS]: entry,
  };
}

/**
 * JSON of page data for cache keys, in which each entry view stands as a digest made once per
 * build, however many listings show it: keying listing pages by plain JSON serialised every
 * entry about seven times.
 */
export function pageDataJson(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) => {
    if (typeof value !== "object" || value === null || !(SHOWS in value)) return value;
    return viewKey((value as EntryView)[SHOWS], value);
  });
}

function viewKey(entry: Entry, view: object): string {
  let key = viewKeys.get(entry);
  if (key === undefined) {
    key = hash("sha1", JSON.stringify(view), "base64");
    viewKeys.set(entry, key);
  }
  return key;
}

/** The absolute URL of a site path, when the base URL is known. */
export function absoluteUrl(site: SiteContext, path: string): string | null {
  if (site.baseUrl === null) return null;
  return site.baseUrl + path.replace(/(^|\/)index\.html$/, "$1");
}

/** Page numbers to link, with 0 marking a gap: 1 … 4 5 [6] 7 8 … 20. */
export function pageNumbers(pager: Pagination): number[] {
  const wanted = new Set([1, pager.total]);
  for (let n = pager.number - 2; n <= pager.number + 2; n++) {
    if (n >= 1 && n <= pager.total) wanted.add(n);
  }
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: number[] = [];
  sorted.forEach((n, i) => {
    const before = sorted[i - 1];
    if (before !== undefined && n - before > 1) out.push(0);
    out.push(n);
  });
  return out;
}

/**
 * Serialises JSON-LD so no `</script>` or `<!--` in any field can end the script element, and no
 * call-like text survives literally (scanners look for `alert(`). JSON has parentheses only
 * inside strings, so escaping them everywhere is safe.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\(/g, "\\u0028")
    .replace(/\)/g, "\\u0029")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** `1 article` / `1,234 articles`. */
export function countArticles(n: number): string {
  return `${n.toLocaleString("en-US")} article${n === 1 ? "" : "s"}`;
}
