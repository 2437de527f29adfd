import { compact } from "./text.js";

/** Second-level labels that belong to a public suffix (`co.uk`), not to the site's name. */
const SUFFIX_LABELS = new Set(["co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"]);
/** Host labels that name a server or an edition, not the outlet. */
const HOST_LABELS = new Set(["www", "m", "mobile", "amp", "edition", "web", "en", "us", "uk"]);
/** Domain endings that a site name may carry when spelled out (`FOXNews.com`). */
const SPELLED_TLD = /(com|org|net|couk|gov|tv)$/;

/** Words that make a name an outlet rather than a person (`Daily Star`, `Mcclatchy Newspapers`). */
export const OUTLET_WORDS =
  /(news|times|post|daily|mail|press|tribune|herald|journal|gazette|magazine|media|online|radio|star|wire|today|weekly|report|observer|guardian|telegraph|chronicle|insider|newspapers|network|politico|reuters)/;

/** Outlets whose names appear as bylines on other sites' pages. */
export const KNOWN_OUTLETS: readonly string[] = [
  "abcnews",
  "afp",
  "associatedpress",
  "bloomberg",
  "cbsnews",
  "cnn",
  "foxnews",
  "nbcnews",
  "reuters",
  "upi",
  "usatoday",
  "mailonline",
  "dailymail",
  "nytimes",
  "newyorktimes",
];

/** The labels of a host that can name its outlet: `abcnews.go.com` → `abcnews`, `go`. */
export function domainLabels(domain: string | null): string[] {
  if (!domain) return [];
  const labels = domain.toLowerCase().split(".");
  labels.pop();
  if (labels.length > 1 && SUFFIX_LABELS.has(labels[labels.length - 1] as string)) labels.pop();
  return labels.filter((label) => !HOST_LABELS.has(label)).map(compact);
}

/** A name reduced for comparison with outlets: no leading `the`, no spelled-out domain ending. */
export function outletKey(name: string): string {
  const key = compact(name).replace(/^the(?=.{4})/, "");
  return key.length > 5 ? key.replace(SPELLED_TLD, "") : key;
}

/**
 * True when a name names the site at `domain`: it matches one of its labels, or starts with a
 * long label (`FOX News Sunday` on foxnews.com), or is one of the site names learned for it.
 */
export function namesSite(
  name: string,
  domain: string | null,
  learned: ReadonlySet<string>,
): boolean {
  const key = outletKey(name);
  if (key.length < 2) return false;
  if (learned.has(key)) return true;
  const labels = domainLabels(domain);
  if (labels.includes(key) || labels.join("") === key) return true;
  return labels.some(
    (label) => label.length >= 5 && key.startsWith(label) && key.length - label.length <= 12,
  );
}

/** Separators between a headline and a site name: ` - `, ` | `, ` – `, ` — `, ` :: `, ` · `. */
const SEPARATOR = /\s+(?:[-|–—·•»]|::)\s+/g;

/** A headline split at its first and last separator, for site-name prefixes and suffixes. */
export interface TitleParts {
  readonly prefix: { readonly name: string; readonly rest: string } | null;
  readonly suffix: { readonly name: string; readonly rest: string } | null;
}

/** Longest piece of a title that may be a site name. */
const MAX_SITE_WORDS = 6;

function plausibleName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return text.trim().length > 0 && text.length <= 50 && words.length <= MAX_SITE_WORDS;
}

/** Splits a title into a candidate site-name prefix and suffix (either may be absent). */
export function splitTitle(title: string): TitleParts {
  const matches = [...title.matchAll(SEPARATOR)];
  const first = matches[0];
  const last = matches[matches.length - 1];
  if (!first || !last || first.index === undefined || last.index === undefined) {
    return { prefix: null, suffix: null };
  }
  const head = title.slice(0, first.index);
  const tail = title.slice(last.index + last[0].length);
  const headRest = title.slice(first.index + first[0].length);
  const tailRest = title.slice(0, last.index);
  return {
    prefix:
      plausibleName(head) && headRest.trim() ? { name: head.trim(), rest: headRest.trim() } : null,
    suffix:
      plausibleName(tail) && tailRest.trim() ? { name: tail.trim(), rest: tailRest.trim() } : null,
  };
}
