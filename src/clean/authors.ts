import type { Change } from "../core/types.js";
import { fixTitleCase } from "./author-case.js";
import { dropDuplicates } from "./author-duplicates.js";
import {
  BIO_START,
  BYLINE_PREFIX,
  CREDIT_WORD,
  DATE_TOKEN,
  PUBLICATION_WORD,
  RECENT_STORIES,
  ROLE_WORD,
  SENTENCE_WORD,
  UI_PREFIX,
  UI_TEXT,
} from "./author-words.js";
import { namesSite, OUTLET_WORDS, outletKey } from "./site-names.js";
import { compact } from "./text.js";

/** What cleaning made of an author list. */
export interface CleanAuthors {
  readonly authors: readonly string[];
  /** The outlet named among the entries when it fits the article's domain, else `null`. */
  readonly publisher: string | null;
  readonly changes: readonly Change[];
}

/** Where the entries are judged: the article's domain and the outlet names known for it. */
export interface AuthorContext {
  readonly domain: string | null;
  /** `outletKey`s of this domain's learned site names. */
  readonly siteNames: ReadonlySet<string>;
  /** Learned site names of this domain as written, for the publisher's spelling. */
  readonly siteSpellings: readonly string[];
  /** `outletKey`s of outlets known anywhere in the corpus. */
  readonly outlets: ReadonlySet<string>;
}

const URL_LIKE = /https?\b|www\.|@|\.(com|org|net|gov|edu|co|uk|tv|io)\b/i;
/** Entries longer than this are bio text, not names. */
const MAX_NAME = 60;
const MAX_NAME_WORDS = 5;

const drop = (before: string, rule: string): Change => ({
  rule,
  field: "authors",
  before,
  after: "",
});

/** An entry without its URL pieces and house-byline words: `Dailymail.Com Reporter` → `Dailymail.Com`. */
export function outletPart(name: string): string {
  const words = name.split(/\s+/).filter((w) => !/^https?$/i.test(w));
  while (words.length > 1 && ROLE_WORD.test(words[words.length - 1] as string)) words.pop();
  return words.join(" ");
}

function isSentence(words: readonly string[], name: string): boolean {
  if (name.length > MAX_NAME || words.length > MAX_NAME_WORDS || /\s\.$|[a-z]{3}\.$/.test(name))
    return true;
  return words.some((w, i) => i > 0 && SENTENCE_WORD.test(w));
}

/** Why an entry is not a person, as a rule name, or `null` for a name. */
function junkRule(name: string, ctx: AuthorContext): string | null {
  const words = name.split(/\s+/);
  if (
    !/\p{L}/u.test(name) ||
    compact(name).length < 2 ||
    UI_TEXT.test(name) ||
    UI_PREFIX.test(name)
  ) {
    return "clean/author-ui";
  }
  if (words.every((w) => DATE_TOKEN.test(w))) return "clean/author-date";
  const outlet = outletKey(outletPart(name));
  if (namesSite(outletPart(name), ctx.domain, ctx.siteNames) || ctx.outlets.has(outlet)) {
    return "clean/author-outlet";
  }
  if (words.some((w) => ROLE_WORD.test(w))) return "clean/author-role";
  if (words.some((w) => CREDIT_WORD.test(w))) return "clean/author-credit";
  if (/^the$/i.test(words[0] as string) || words.some((w) => PUBLICATION_WORD.test(w))) {
    return "clean/author-outlet";
  }
  if (URL_LIKE.test(name)) return "clean/author-url";
  if (isSentence(words, name)) return "clean/author-bio";
  return null;
}

/** `Josh Levs Cnn` on cnn.com is `Josh Levs`. */
function dropTrailingOutlet(name: string, ctx: AuthorContext): string {
  const words = name.split(/\s+/);
  const last = words[words.length - 1] as string;
  if (words.length < 3 || !ctx.outlets.has(outletKey(last))) return name;
  return words.slice(0, -1).join(" ");
}

/** Splits `Chris Dyer For Mailonline` into the name and the outlet it wrote for. */
function splitFor(name: string): { name: string; outlet: string | null } {
  const m = /^(.+?)\s+for\s+(.+)$/i.exec(name);
  if (!m || (m[1] as string).split(/\s+/).length > 3) return { name, outlet: null };
  return { name: m[1] as string, outlet: m[2] as string };
}

/** Splits `Jim Acosta, CNN` or `Jane Doe, Example News` into the name and the outlet after the comma. */
function splitComma(name: string, ctx: AuthorContext): { name: string; outlet: string | null } {
  const m = /^([^,]+),\s*(.+)$/.exec(name);
  if (!m) return { name, outlet: null };
  const person = m[1] as string;
  const tail = m[2] as string;
  const outletLike =
    /^[A-Z]{2,6}$/.test(tail) ||
    namesSite(tail, ctx.domain, ctx.siteNames) ||
    ctx.outlets.has(outletKey(tail)) ||
    OUTLET_WORDS.test(outletKey(tail));
  if (!outletLike || person.split(/\s+/).length > 4) return { name, outlet: null };
  return { name: person.trim(), outlet: tail };
}

/**
 * Keeps the people in a newspaper3k author list and drops the rest: dates, UI text, outlet
 * names, URL pieces, job titles, bio fragments (and every entry after a bio starts, since
 * newspaper3k cuts one bio into many entries), exact and truncated duplicates.
 */
export function cleanAuthors(entries: readonly string[], ctx: AuthorContext): CleanAuthors {
  const changes: Change[] = [];
  const kept: { name: string; before: string }[] = [];
  let publisher: string | null = null;
  let inBio = false;
  const notePublisher = (candidate: string): void => {
    if (publisher || !namesSite(candidate, ctx.domain, ctx.siteNames)) return;
    const key = outletKey(candidate);
    publisher = ctx.siteSpellings.find((s) => outletKey(s) === key) ?? candidate;
  };
  for (const before of entries) {
    if (inBio) {
      changes.push(drop(before, "clean/author-bio"));
      continue;
    }
    let name = fixTitleCase(before.trim());
    const bio = BIO_START.exec(name);
    if (bio) {
      name = bio[1] as string;
      inBio = true;
    }
    name = name.replace(/^[-–—•*·|\s]+/, "").replace(BYLINE_PREFIX, "");
    name = RECENT_STORIES.exec(name)?.[1] ?? name;
    const comma = splitComma(name, ctx);
    if (comma.outlet) notePublisher(outletPart(comma.outlet));
    const split = splitFor(comma.name);
    if (split.outlet) notePublisher(outletPart(split.outlet));
    name = dropTrailingOutlet(split.name, ctx);
    const rule = junkRule(name, ctx);
    if (rule === "clean/author-outlet") notePublisher(outletPart(name));
    if (rule === "clean/author-bio") inBio = true;
    if (rule) changes.push(drop(before, rule));
    else kept.push({ name, before });
  }
  const deduped = dropDuplicates(kept);
  return { authors: deduped.authors, publisher, changes: [...changes, ...deduped.changes] };
}
