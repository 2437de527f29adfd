import type { Article, Change, Entry } from "../../core/types.js";
import { sectionFolder, sourceFolder } from "../../model/paths.js";
import { renderBody } from "../body-html.js";
import { formatDate, monthName } from "../dates.js";
import { rootPrefix } from "../links.js";
import {
  absoluteUrl,
  jsonForScript,
  type PageHead,
  type PageSpec,
  type SiteContext,
} from "./common.js";

/** The neighbours of an article in archive order. */
export interface ArticleNav {
  readonly newer: Pick<Entry, "path" | "title"> | null;
  readonly older: Pick<Entry, "path" | "title"> | null;
}

/**
 * The entry as its page is given it: without its number in archive order, which changes for every
 * older article whenever a newer one arrives. An article page's key is made from this too, so an
 * added article renders the pages it changes, not all those after it.
 */
export function pageEntry(entry: Entry): Omit<Entry, "id"> {
  const { id: _place, ...shown } = entry;
  return shown;
}

/** Builds the page of one article from its entry (archive facts) and cleaned article (text). */
export function articlePage(
  entry: Entry,
  article: Article,
  nav: ArticleNav,
  site: SiteContext,
): PageSpec {
  const canonical = absoluteUrl(site, entry.path);
  const head: PageHead = {
    title: entry.title,
    description: entry.summary,
    canonical,
    prev: null,
    next: null,
    section: "none",
    og: openGraph(entry, site, canonical),
    jsonLd: jsonForScript(newsArticleLd(entry, article, canonical)),
  };
  return {
    path: entry.path,
    template: "article",
    data: {
      site,
      page: head,
      rel: rootPrefix(entry.path),
      entry: pageEntry(entry),
      crumbs: crumbs(entry),
      dateText: entry.published ? formatDate(entry.published) : "",
      sourcePath: entry.domain ? `${sourceFolder(entry.domain)}/index.html` : null,
      sectionPath:
        entry.domain && entry.section
          ? `${sectionFolder(entry.domain, entry.section)}/index.html`
          : null,
      publisher: article.publisher,
      waybackUrl: waybackUrl(entry),
      bodyHtml: renderBody(article.body),
      changes: article.changes.map(displayChange),
      newer: nav.newer,
      older: nav.older,
    },
  };
}

/** A UTF-8 lead byte read as cp1252, followed by continuation bytes read the same way. */
const MOJIBAKE_RUN =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}/g;

/**
 * Mojibake is shown as the code points it was made of: printed as is, the page would display the
 * very garbling the archive repaired.
 */
function displayChange(change: Change): Change {
  if (!change.rule.startsWith("repair/mojibake")) return change;
  const codePoints = (text: string) =>
    text.replace(MOJIBAKE_RUN, (run) =>
      [...run]
        .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`)
        .join(" "),
    );
  return { ...change, before: codePoints(change.before) };
}

function crumbs(entry: Entry): { label: string; path: string }[] {
  const d = entry.published;
  if (d === null) return [{ label: "Undated", path: "undated/index.html" }];
  const mm = String(d.month).padStart(2, "0");
  const dd = String(d.day).padStart(2, "0");
  return [
    { label: String(d.year), path: `${d.year}/index.html` },
    { label: monthName(d.month), path: `${d.year}/${mm}/index.html` },
    { label: String(d.day), path: `${d.year}/${mm}/${dd}/index.html` },
  ];
}

/** The Internet Archive's copy of the original, unless the source already is one. */
function waybackUrl(entry: Entry): string | null {
  if (entry.link === null || /^https?:\/\/web\.archive\.org\//i.test(entry.link)) return null;
  const d = entry.published;
  const stamp = d
    ? `${d.year}${String(d.month).padStart(2, "0")}${String(d.day).padStart(2, "0")}`
    : "2";
  return `https://web.archive.org/web/${stamp}/${entry.link}`;
}

function openGraph(entry: Entry, site: SiteContext, canonical: string | null): [string, string][] {
  const og: [string, string][] = [
    ["og:type", "article"],
    ["og:title", entry.title],
    ["og:description", entry.summary],
    ["og:site_name", site.title],
  ];
  if (canonical) og.push(["og:url", canonical]);
  if (entry.published) og.push(["article:published_time", entry.published.iso]);
  for (const author of entry.authors) og.push(["article:author", author.name]);
  og.push(["twitter:card", "summary"], ["twitter:title", entry.title]);
  if (entry.summary) og.push(["twitter:description", entry.summary]);
  return og;
}

function newsArticleLd(entry: Entry, article: Article, canonical: string | null): object {
  const publisher = article.publisher ?? entry.domain;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: entry.title,
    ...(entry.published ? { datePublished: entry.published.iso } : {}),
    author: entry.authors.map((a) => ({ "@type": "Person", name: a.name })),
    ...(publisher ? { publisher: { "@type": "Organization", name: publisher } } : {}),
    ...(canonical ? { url: canonical } : {}),
    ...(entry.link ? { isBasedOn: entry.link } : {}),
    wordCount: entry.wordCount,
    ...(entry.summary ? { description: entry.summary } : {}),
  };
}
