import type { Article } from "../core/types.js";
import { outletPart } from "./authors.js";
import { isProtectedLine } from "./boilerplate.js";
import { BoundedCounts } from "./counter.js";
import { hash53 } from "./hash.js";
import { SharedTitles } from "./shared-titles.js";
import { KNOWN_OUTLETS, namesSite, OUTLET_WORDS, outletKey, splitTitle } from "./site-names.js";
import { normaliseLine } from "./text.js";
import { stripSiteNames } from "./titles.js";

/**
 * What the corpus taught about one source domain. A profile holds only what cleaning uses, not
 * counts: its digest is part of every article's keys, and a count would change with each article
 * added, cleaning and rendering every article again.
 */
export interface DomainProfile {
  /** Site names seen repeatedly before or after a separator in its titles, as written. */
  readonly titlePrefixes: readonly string[];
  readonly titleSuffixes: readonly string[];
  /** `hash53` of normalised short lines repeated across many of its articles. */
  readonly boilerplate: readonly number[];
}

/** Everything cleaning learns from the whole corpus; plain JSON data. */
export interface CorpusProfile {
  readonly domains: Readonly<Record<string, DomainProfile>>;
  /** `outletKey`s of outlet names: learned site names and author entries naming a site. */
  readonly outlets: readonly string[];
  /** Site names as the sites spell them in their titles (`ABC News`), for publishers. */
  readonly spellings: readonly string[];
  /** Normalised titles carried by many different bodies (`robot check`, `msn 香港`). */
  readonly sharedTitles: readonly string[];
}

/** A profile that knows nothing: cleaning then uses only built-in rules and the article's domain. */
export const EMPTY_PROFILE: CorpusProfile = {
  domains: {},
  outlets: [],
  spellings: [],
  sharedTitles: [],
};

/** Only lines shorter than this are counted: boilerplate is short, and memory stays bounded. */
const MAX_LINE = 120;
const BUDGET = 2_000_000;
/** A line is boilerplate for a source when this many of its distinct articles carry it… */
const MIN_LINE_REPEATS = 5;
/** …and at least this share of them. */
const MIN_LINE_SHARE = 0.03;
/** A title affix is a site name when repeated this often and on this share of titles. */
const MIN_AFFIX_REPEATS = 3;
const MIN_AFFIX_SHARE = 0.1;
/** Section labels that repeat across titles but do not name the source. */
const SECTION_WORDS =
  /^(opinion|analysis|review|editorial|commentary|video|videos|watch|photos?|exclusive|breaking|live|update|transcript|interview|podcast|news|politics|sports|entertainment|world|us|u\.s\.)$/i;

const NO_NAMES: ReadonlySet<string> = new Set();
const KNOWN_SET: ReadonlySet<string> = new Set(KNOWN_OUTLETS);

/**
 * What the profile learns from one article, small enough to cache per input file so an
 * unchanged corpus need not be parsed again to learn the same profile.
 */
export interface ProfileFacts {
  readonly title: string;
  readonly titleDerived: boolean;
  readonly domain: string | null;
  readonly authors: readonly string[];
  /** `hash53` of the whole body. */
  readonly bodyHash: number;
  /** Distinct `hash53`s of the body's short, normalised lines (none for Markdown bodies). */
  readonly lineHashes: readonly number[];
}

/** Extracts the facts the profile learns from an article. */
export function profileFacts(article: Article): ProfileFacts {
  const bodyText =
    article.body.kind === "text" ? article.body.paragraphs.join("\n") : article.body.markdown;
  const distinct = new Set<number>();
  if (article.body.kind === "text") {
    for (const paragraph of article.body.paragraphs) {
      for (const line of paragraph.split("\n")) {
        if (line.length >= MAX_LINE || isProtectedLine(line)) continue;
        const text = normaliseLine(line);
        if (text) distinct.add(hash53(text));
      }
    }
  }
  return {
    title: article.title,
    titleDerived: article.titleDerived,
    domain: article.domain,
    authors: article.authors,
    bodyHash: hash53(bodyText),
    lineHashes: [...distinct],
  };
}

/** Learns a `CorpusProfile` from articles added one at a time, in bounded memory. */
export function createProfileBuilder(): {
  add(article: Article): void;
  addFacts(facts: ProfileFacts): void;
  finish(): CorpusProfile;
} {
  const seenBodies = new Set<number>();
  const domainArticles = new Map<string, number>();
  const affixes = new BoundedCounts<string>(BUDGET / 4);
  const lines = new BoundedCounts<number>(BUDGET);
  const outletCounts = new Map<string, number>();
  const spellings = new Map<string, string>();
  const shared = new SharedTitles();

  function add(facts: ProfileFacts): void {
    const { bodyHash, domain } = facts;
    if (!facts.titleDerived) shared.add(facts.title, domain, bodyHash);
    // Exact copies (same source, title and body) are learned from once.
    const copyKey = (bodyHash + 31 * hash53(`${domain}\n${facts.title}`)) % Number.MAX_SAFE_INTEGER;
    if (!domain || seenBodies.has(copyKey)) return;
    seenBodies.add(copyKey);
    domainArticles.set(domain, (domainArticles.get(domain) ?? 0) + 1);
    const parts = splitTitle(facts.title);
    for (const [side, part] of [
      ["p", parts.prefix],
      ["s", parts.suffix],
    ] as const) {
      if (!part) continue;
      affixes.add(domain, `${side}${part.name}`);
      const key = outletKey(part.name);
      if (!spellings.has(key) && (namesSite(part.name, domain, NO_NAMES) || KNOWN_SET.has(key))) {
        spellings.set(key, part.name);
      }
    }
    for (const author of facts.authors) {
      const outlet = outletPart(author);
      if (namesSite(outlet, domain, NO_NAMES)) {
        const key = outletKey(outlet);
        outletCounts.set(key, (outletCounts.get(key) ?? 0) + 1);
      }
    }
    for (const h of facts.lineHashes) lines.add(domain, h);
  }

  function finish(): CorpusProfile {
    const domains: Record<string, DomainProfile> = {};
    const outlets = new Set<string>();
    for (const [domain, n] of domainArticles) {
      const learned = (side: string): string[] =>
        [...affixes.get(domain)]
          .filter(
            ([key, count]) =>
              key.startsWith(side) && count >= MIN_AFFIX_REPEATS && count >= n * MIN_AFFIX_SHARE,
          )
          .map(([key]) => key.slice(1))
          .filter((name) => !SECTION_WORDS.test(name))
          .sort();
      const minLines = Math.max(MIN_LINE_REPEATS, Math.ceil(n * MIN_LINE_SHARE));
      const boilerplate = [...lines.get(domain)]
        .filter(([, count]) => count >= minLines)
        .map(([h]) => h);
      const profile = {
        titlePrefixes: learned("p"),
        titleSuffixes: learned("s"),
        boilerplate,
      };
      for (const name of [...profile.titlePrefixes, ...profile.titleSuffixes]) {
        outlets.add(outletKey(name));
        if (!spellings.has(outletKey(name))) spellings.set(outletKey(name), name);
      }
      if (profile.titlePrefixes.length + profile.titleSuffixes.length + boilerplate.length > 0) {
        domains[domain] = { ...profile, boilerplate: boilerplate.sort((a, b) => a - b) };
      }
    }
    for (const key of outletCounts.keys()) outlets.add(key);
    const known = [...outlets].filter((key) => key.length >= 4 && OUTLET_WORDS.test(key)).sort();
    const everywhere = [...known, ...KNOWN_OUTLETS];
    const sharedTitles = shared.finish((title, domain) => {
      const site = domain ? domains[domain] : undefined;
      const names = [...(site?.titlePrefixes ?? []), ...(site?.titleSuffixes ?? [])].map(outletKey);
      return stripSiteNames(title, domain, new Set([...names, ...everywhere]));
    });
    return {
      domains,
      outlets: known,
      spellings: [...spellings.values()].sort(),
      sharedTitles,
    };
  }

  return { add: (article) => add(profileFacts(article)), addFacts: add, finish };
}
