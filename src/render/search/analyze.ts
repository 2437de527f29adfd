import { TermScanner } from "./scan.js";
import { tokenize } from "./text.js";

/** What the search index needs to know about one article. */
export interface SearchDoc {
  /** Archive order (newest first); unique. */
  id: number;
  /** Output path of the article page, relative to the site root. */
  path: string;
  title: string;
  authors: string[];
  /** ISO 8601 date or date-time, or `null` when undated. */
  date: string | null;
  year: number | null;
  /** Source name, such as a domain (`cnn.com`), or `null`. */
  source: string | null;
  /** Plain body text. */
  text: string;
}

/** What a result shows; kept per article instead of its text. */
export interface StoredDoc {
  path: string;
  title: string;
  date: string | null;
  source: string | null;
  authors: string[];
  /**
   * UTF-8 bytes of the start of the body (`makeSnippet`): one curly quote makes a string take
   * two bytes a character, and the index holds one snippet per article.
   */
  snippet: Uint8Array;
}

/** What a search result shows of an article besides its snippet. */
export type StoredFields = Omit<StoredDoc, "snippet">;

/**
 * One article reduced to index postings. Plain data and typed arrays only, so it
 * crosses worker threads by structured clone.
 */
export interface AnalyzedDoc {
  id: number;
  /**
   * Distinct folded terms, in first-seen order (body, title, authors), joined by newlines (never
   * in a term): one string crosses to the main thread, not one for each of hundreds of terms.
   */
  terms: string;
  /** Per term: body count × 4, plus 2 when in the title, plus 1 when in an author name. */
  weights: Uint32Array;
  /** Per term: its `hashTerm`, so the index builder need not hash it again. */
  hashes: Int32Array;
  /** Body tokens, for length normalisation. */
  length: number;
  /** Filter keys this article belongs to (see `facetKey`). */
  facets: string[];
  stored: StoredDoc;
}

/**
 * Characters of body text kept for result snippets: the page shows a third of it, a window
 * around the first matched word.
 */
export const SNIPPET_CHARS = 840;

/** Title and author flags packed into a weight's low bits. */
export const IN_TITLE = 2;
export const IN_AUTHOR = 1;

/** Largest body count recorded; more says nothing new to BM25. */
const MAX_BODY_COUNT = 1 << 20;

/** Key of a filter value in the term dictionary; `!` cannot start a token so keys never clash. */
export function facetKey(kind: "source" | "author" | "year", value: string): string {
  const folded = kind === "author" ? tokenize(value).join(" ") : value.trim().toLowerCase();
  return `!${kind[0]}:${folded}`;
}

/** Start of the body for result snippets, cut at a word boundary. */
export function makeSnippet(text: string): string {
  // Flattening a prefix gives the same first SNIPPET_CHARS + 1 characters as flattening all.
  let flat = "";
  // Whitespace runs are mostly single, so a little over SNIPPET_CHARS usually suffices.
  for (let take = SNIPPET_CHARS + (SNIPPET_CHARS >> 2); ; take *= 2) {
    flat = text.slice(0, take).replace(/\s+/g, " ").trim();
    if (flat.length > SNIPPET_CHARS + 1 || take >= text.length) break;
  }
  if (flat.length <= SNIPPET_CHARS) return flat;
  const cut = flat.lastIndexOf(" ", SNIPPET_CHARS);
  return `${flat.slice(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS)}…`;
}

const utf8 = new TextEncoder();

/** Token ids of the thread's articles; a module value so each worker thread has its own. */
const scanner = new TermScanner();
/** Per term id: the weight being summed for the current article (0 = not seen yet). */
let counts = new Int32Array(4096);
/** Ids seen in the current article, in first-seen order. */
let seenIds = new Int32Array(1024);
let seenCount = 0;
let flag = 0;

function touch(id: number): number {
  if (id >= counts.length) {
    const grown = new Int32Array(Math.max(id + 1, counts.length * 2));
    grown.set(counts);
    counts = grown;
  }
  const c = counts[id] as number;
  if (c === 0) {
    if (seenCount === seenIds.length) {
      const grown = new Int32Array(seenCount * 2);
      grown.set(seenIds);
      seenIds = grown;
    }
    seenIds[seenCount++] = id;
  }
  return c;
}

// `touch` may replace `counts` with a larger array, so it runs before `counts` is indexed.
const countBody = (id: number): void => {
  const before = touch(id);
  counts[id] = Math.min(before + 4, MAX_BODY_COUNT * 4);
};
const markFlag = (id: number): void => {
  const before = touch(id);
  counts[id] = before | flag;
};

/** Reduces an article to terms, weights, filter keys and a snippet; pure but for caches. */
export function analyzeForSearch(doc: SearchDoc): AnalyzedDoc {
  seenCount = 0;
  const length = scanner.scan(doc.text, countBody);
  flag = IN_TITLE;
  scanner.scan(doc.title, markFlag);
  flag = IN_AUTHOR;
  for (const a of doc.authors) scanner.scan(a, markFlag);
  const { terms: names, hashes: allHashes } = scanner.table;
  const terms = new Array<string>(seenCount);
  // One backing buffer for both arrays: typed-array buffers are costly to allocate and collect.
  const buffer = new ArrayBuffer(seenCount * 8);
  const weights = new Uint32Array(buffer, 0, seenCount);
  const hashes = new Int32Array(buffer, seenCount * 4, seenCount);
  for (let k = 0; k < seenCount; k++) {
    const id = seenIds[k] as number;
    terms[k] = names[id] as string;
    weights[k] = counts[id] as number;
    hashes[k] = allHashes[id] as number;
    counts[id] = 0;
  }
  const facets = new Set<string>();
  if (doc.source) facets.add(facetKey("source", doc.source));
  if (doc.year !== null) facets.add(facetKey("year", String(doc.year)));
  for (const a of doc.authors) if (tokenize(a).length > 0) facets.add(facetKey("author", a));
  return {
    id: doc.id,
    terms: terms.join("\n"),
    weights,
    hashes,
    length,
    facets: [...facets].sort(),
    stored: {
      path: doc.path,
      title: doc.title,
      date: doc.date,
      source: doc.source,
      authors: [...doc.authors],
      snippet: utf8.encode(makeSnippet(doc.text)),
    },
  };
}
