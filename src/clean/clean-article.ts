import type { Article, Change } from "../core/types.js";
import { countWords, readingMinutes } from "../parse/words.js";
import { cleanAuthors } from "./authors.js";
import { cleanParagraphs, replacementCharacterFlag } from "./body.js";
import type { CorpusProfile } from "./profile.js";
import { KNOWN_OUTLETS, outletKey } from "./site-names.js";
import { suspectReason } from "./suspect.js";
import { cleanTitle, isGenericTitle } from "./titles.js";

interface DomainLookup {
  readonly siteNames: ReadonlySet<string>;
  readonly siteSpellings: readonly string[];
  /** Site names plus outlets known corpus-wide: `- ABC News` on a shortener's domain. */
  readonly titleNames: ReadonlySet<string>;
  readonly boilerplate: ReadonlySet<number>;
}

interface Lookup {
  readonly outlets: ReadonlySet<string>;
  readonly shared: ReadonlySet<string>;
  readonly domains: Map<string, DomainLookup>;
}

/** Sets built once per profile object, so cleaning an article stays cheap. */
const lookups = new WeakMap<CorpusProfile, Lookup>();

function lookup(profile: CorpusProfile): Lookup {
  let found = lookups.get(profile);
  if (!found) {
    found = {
      outlets: new Set([...profile.outlets, ...KNOWN_OUTLETS]),
      shared: new Set(profile.sharedTitles),
      domains: new Map(),
    };
    lookups.set(profile, found);
  }
  return found;
}

function domainLookup(all: Lookup, profile: CorpusProfile, domain: string | null): DomainLookup {
  const key = domain ?? "";
  let found = all.domains.get(key);
  if (!found) {
    const learned = profile.domains[key];
    const spellings = [
      ...(learned?.titlePrefixes ?? []),
      ...(learned?.titleSuffixes ?? []),
      ...profile.spellings,
    ];
    const siteNames = new Set(
      [...(learned?.titlePrefixes ?? []), ...(learned?.titleSuffixes ?? [])].map(outletKey),
    );
    found = {
      siteNames,
      siteSpellings: spellings,
      titleNames: new Set([...siteNames, ...all.outlets]),
      boilerplate: new Set(learned?.boilerplate ?? []),
    };
    all.domains.set(key, found);
  }
  return found;
}

/** Appends a flag unless the same flag is already recorded, so cleaning stays idempotent. */
function withFlag(changes: Change[], flag: Change | null): void {
  if (!flag) return;
  const known = changes.some(
    (c) => c.rule === flag.rule && c.before === flag.before && c.after === flag.after,
  );
  if (!known) changes.push(flag);
}

/**
 * Cleans what the scraper got wrong in one article: junk authors, site names in the title,
 * boilerplate lines, invisible characters, stray spaces in quotes. Every edit is appended to
 * `changes`; `suspect` says why the article is held back, if it is. Markdown bodies are the
 * author's own text and are left as they are. Idempotent for a given profile.
 */
export function cleanArticle(article: Article, profile: CorpusProfile): Article {
  const all = lookup(profile);
  const site = domainLookup(all, profile, article.domain);
  const authors = cleanAuthors(article.authors, {
    domain: article.domain,
    siteNames: site.siteNames,
    siteSpellings: site.siteSpellings,
    outlets: all.outlets,
  });
  const title = article.titleDerived
    ? { title: article.title, changes: [] }
    : cleanTitle(article.title, article.domain, site.titleNames);
  const changes: Change[] = [...article.changes, ...authors.changes, ...title.changes];
  const generic =
    !article.titleDerived &&
    isGenericTitle(title.title, article.domain, site.siteNames, all.shared);
  let body = article.body;
  let wordCount = article.wordCount;
  let suspect: string | null;
  if (body.kind === "text") {
    const cleaned = cleanParagraphs(body.paragraphs, {
      titles: [title.title, article.title],
      boilerplate: site.boilerplate,
    });
    changes.push(...cleaned.changes);
    withFlag(changes, replacementCharacterFlag(cleaned.paragraphs));
    body = { kind: "text", paragraphs: cleaned.paragraphs };
    const text = cleaned.paragraphs.join("\n\n");
    wordCount = countWords(text);
    suspect = suspectReason(text, wordCount, generic);
  } else {
    suspect = generic ? "generic title" : null;
  }
  return {
    ...article,
    authors: authors.authors,
    publisher: article.publisher ?? authors.publisher,
    title: title.title,
    body,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    changes,
    suspect: suspect ?? article.suspect,
  };
}
