import { decodeHTML } from "entities";
import type { Change } from "../core/types.js";
import { domainLabels, namesSite, outletKey, splitTitle } from "./site-names.js";

/** A title after cleaning, with the edits made to it. */
export interface CleanTitle {
  readonly title: string;
  readonly changes: readonly Change[];
}

const ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i;
/** Escaping is undone at most this many times (`&amp;amp;quot;` needs three). */
const MAX_DECODES = 6;

/** Decodes entities left in a title, repeatedly, so double-escaped `&amp;quot;` becomes `"`. */
export function decodeTitleEntities(title: string): string {
  let text = title;
  for (let i = 0; i < MAX_DECODES && ENTITY.test(text); i++) {
    const next = decodeHTML(text);
    if (next === text) break;
    text = next;
  }
  return text;
}

/** Removes site-name prefixes and suffixes that name the source, until none is left. */
export function stripSiteNames(
  title: string,
  domain: string | null,
  learned: ReadonlySet<string>,
): string {
  let text = title;
  for (;;) {
    const parts = splitTitle(text);
    if (parts.suffix && namesSite(parts.suffix.name, domain, learned)) text = parts.suffix.rest;
    else if (parts.prefix && namesSite(parts.prefix.name, domain, learned))
      text = parts.prefix.rest;
    else return text;
  }
}

/** Cleans a title: decodes leftover entities, then drops site names that name the source. */
export function cleanTitle(
  title: string,
  domain: string | null,
  learned: ReadonlySet<string>,
): CleanTitle {
  const changes: Change[] = [];
  const decoded = decodeTitleEntities(title);
  if (decoded !== title)
    changes.push({ rule: "clean/title-entities", field: "title", before: title, after: decoded });
  const stripped = stripSiteNames(decoded, domain, learned);
  if (stripped !== decoded) {
    changes.push({
      rule: "clean/title-site-name",
      field: "title",
      before: decoded,
      after: stripped,
    });
  }
  return { title: stripped, changes };
}

/** Page titles that are never headlines. */
const GENERIC =
  /^(robot check|access denied|attention required!?( \| cloudflare)?|just a moment\.*|are you a robot\??|security check|page not found|404( not found)?|not found|error|untitled( document)?|home( page)?|log ?in|sign ?in|subscribe|captcha|site maintenance)$/i;

/** Words of a home page's title (`Breaking News, Latest News, Headlines & Videos`). */
const HOME_WORDS =
  /^(breaking|latest|top|news|headlines?|videos?|photos?|stories|home|homepage|page|official|campaign|web|site|website|and|&|the|online|today|world|us|u\.s\.|politics|entertainment)$/i;

/**
 * True when a title is not a headline: a known generic page title, a bare site name
 * (`CQ.com`), or a title many different pages of the corpus carry.
 */
export function isGenericTitle(
  title: string,
  domain: string | null,
  learned: ReadonlySet<string>,
  shared: ReadonlySet<string>,
): boolean {
  const text = title.trim();
  if (!text) return false;
  const words = text.split(/[\s,|:–—-]+/).filter(Boolean);
  if (words.length > 1 && words.every((w) => HOME_WORDS.test(w))) return true;
  if (GENERIC.test(text) || shared.has(text.toLowerCase().replace(/\s+/g, " "))) return true;
  if (/^[\w-]+(\.[\w-]+)*\.(com|org|net|gov|co\.uk)$/i.test(text)) return true;
  const key = outletKey(text);
  return key.length > 0 && (learned.has(key) || domainLabels(domain).includes(key));
}
