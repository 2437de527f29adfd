import { createHash } from "node:crypto";
import type { Entry } from "../../core/types.js";
import type { Pagination } from "../../model/paginate.js";
import { formatDate } from "../dates.js";

/** What every page knows about the site. */
export interface SiteContext {
  readonly title: string;
  readonly lang: string;
  /** Absolute base URL ending in `/`, or `null`. */
  readonly baseUrl: string | null;
  /** Feeds are written only when absolute URLs can be. */
  readonly feeds: boolean;
  /** Short line for the footer, e.g. `1,234 articles`. */
  readonly stats: string;
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
}

/** Views made so far: an entry shows on several listings, and is viewed and keyed once. */
const views = new WeakMap<Entry, EntryView>();
const viewKeys = new WeakMap<object, string>();

/** The listing view of an entry, with its formatted date; the same object for the same entry. */
export function entryView(entry: Entry): EntryView {
  const known = views.get(entry);
  if (known !== undefined) return known;
  const view: EntryView = {
    path: entry.path,
    title: entry.title,
    published: entry.published ? { iso: entry.published.iso } : null,
    dateText: entry.published ? formatDate(entry.published) : "Undated",
    domain: entry.domain,
    authors: entry.authors.map((a) => ({ name: a.name })),
    readingMinutes: entry.readingMinutes,
    summary: entry.summary,
  };
  views.set(entry, view);
  viewKeys.set(view, createHash("sha1").update(JSON.stringify(view)).digest("base64"));
  return view;
}

/**
 * JSON of page data for cache keys, in which each entry view stands as a digest made once per
 * build, however many listings show it: keying listing pages by plain JSON serialised every
 * entry about seven times.
 */
export function pageDataJson(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) =>
    typeof value === "object" && value !== null ? (viewKeys.get(value) ?? value) : value,
  );
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
