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
  snippet: string;
}

/**
 * One article reduced to index postings. Plain data and typed arrays only, so it
 * crosses worker threads by structured clone.
 */
export interface AnalyzedDoc {
  id: number;
  /** Distinct folded terms, sorted. */
  terms: string[];
  /** Per term: body count × 4, plus 2 when in the title, plus 1 when in an author name. */
  weights: Uint32Array;
  /** Body tokens, for length normalisation. */
  length: number;
  /** Filter keys this article belongs to (see `facetKey`). */
  facets: string[];
  stored: StoredDoc;
}

/** Characters of body text kept for result snippets. */
export const SNIPPET_CHARS = 280;

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
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= SNIPPET_CHARS) return flat;
  const cut = flat.lastIndexOf(" ", SNIPPET_CHARS);
  return `${flat.slice(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS)}…`;
}

/** Reduces an article to terms, weights, filter keys and a snippet; pure. */
export function analyzeForSearch(doc: SearchDoc): AnalyzedDoc {
  const counts = new Map<string, number>();
  const body = tokenize(doc.text);
  for (const t of body) counts.set(t, Math.min((counts.get(t) ?? 0) + 4, MAX_BODY_COUNT * 4));
  for (const t of tokenize(doc.title)) counts.set(t, (counts.get(t) ?? 0) | IN_TITLE);
  for (const a of doc.authors) {
    for (const t of tokenize(a)) counts.set(t, (counts.get(t) ?? 0) | IN_AUTHOR);
  }
  const terms = [...counts.keys()].sort();
  const weights = new Uint32Array(terms.length);
  terms.forEach((t, i) => {
    weights[i] = counts.get(t) ?? 0;
  });
  const facets = new Set<string>();
  if (doc.source) facets.add(facetKey("source", doc.source));
  if (doc.year !== null) facets.add(facetKey("year", String(doc.year)));
  for (const a of doc.authors) if (tokenize(a).length > 0) facets.add(facetKey("author", a));
  return {
    id: doc.id,
    terms,
    weights,
    length: body.length,
    facets: [...facets].sort(),
    stored: {
      path: doc.path,
      title: doc.title,
      date: doc.date,
      source: doc.source,
      authors: [...doc.authors],
      snippet: makeSnippet(doc.text),
    },
  };
}
