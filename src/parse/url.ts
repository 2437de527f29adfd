import { sectionFromPath, titleFromPath } from "./url-path.js";

/** What the archive derives from an article's source URL. */
export interface UrlAnalysis {
  /** The URL when it is http(s) and may be linked to. */
  readonly link: string | null;
  readonly urlKey: string | null;
  readonly domain: string | null;
  readonly section: string | null;
  /** Why the URL cannot be linked to, when it cannot. */
  readonly problem: string | null;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_HOST = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[:/?#]\S*)?$/i;
const WAYBACK_PATH = /^\/web\/\d{1,14}[a-z_]*\/(.+)$/s;
const TRACKING = /^(?:utm_.*|fbclid|gclid)$/i;
const INDEX_FILE = /\/(?:index|default)\.(?:html?|php|aspx?)$/i;

/**
 * True when a line can be an article's source URL: an http(s) URL (spaces and all, as
 * scrapers sometimes keep them), another scheme, or a bare `host.tld/...`.
 */
export function isUrlLike(line: string): boolean {
  const text = line.trim();
  if (/^https?:\/\/[^\s/]/i.test(text)) return true;
  return text !== "" && !/\s/.test(text) && (SCHEME.test(text) || BARE_HOST.test(text));
}

function parseHttp(text: string): URL | null {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== ""
      ? url
      : null;
  } catch {
    return null;
  }
}

/** The archived page's own URL inside a Wayback Machine URL, if this is one. */
function waybackOriginal(url: URL): URL | null {
  if (url.hostname !== "web.archive.org" && url.hostname !== "wayback.archive.org") return null;
  const m = WAYBACK_PATH.exec(url.pathname);
  if (!m) return null;
  const inner = (m[1] as string).replace(/^(https?):\/+/i, "$1://");
  return parseHttp((SCHEME.test(inner) ? inner : `http://${inner}`) + url.search);
}

const foldHost = (host: string): string => (host.startsWith("www.") ? host.slice(4) : host);

/** Scheme-less key: folded host, port only when not the default, path without `/` or `index.html`, sorted query. */
function keyOf(url: URL): string {
  const path = url.pathname.replace(INDEX_FILE, "/").replace(/\/+$/, "");
  const params = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length === 0 ? "" : `?${new URLSearchParams(params).toString()}`;
  return `${foldHost(url.hostname)}${url.port === "" ? "" : `:${url.port}`}${path}${query}`;
}

/** A title made from the URL's slug (of the archived page for Wayback URLs), or `null`. */
export function titleFromUrl(raw: string): string | null {
  const url = parseHttp(raw.trim()) ?? parseHttp(`http://${raw.trim()}`);
  return url ? titleFromPath((waybackOriginal(url) ?? url).pathname) : null;
}

/**
 * Derives the link, duplicate key, domain and section from a source URL.
 * Wayback Machine URLs are keyed and filed under the page they archived.
 */
export function analyseUrl(raw: string): UrlAnalysis {
  const text = raw.trim();
  const direct = parseHttp(text);
  const url = direct ?? (SCHEME.test(text) ? null : parseHttp(`http://${text}`));
  if (!url) {
    const problem = SCHEME.test(text) ? "it is not an http(s) URL" : "it is not a valid URL";
    return { link: null, urlKey: null, domain: null, section: null, problem };
  }
  const page = waybackOriginal(url) ?? url;
  return {
    link: direct ? url.href : null,
    urlKey: keyOf(page),
    domain: foldHost(page.hostname),
    section: sectionFromPath(page.pathname),
    problem: direct ? null : "it has no `http://` or `https://` scheme",
  };
}
