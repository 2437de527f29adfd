import type { OutputFile } from "../../src/core/types.js";
import {
  type AnalyzedDoc,
  analyzeForSearch,
  type SearchDoc,
} from "../../src/render/search/analyze.js";
import { createSearchIndexBuilder } from "../../src/render/search/index-builder.js";

/** A test article with defaults for the fields a test does not care about. */
export function doc(id: number, fields: Partial<SearchDoc>): SearchDoc {
  return {
    id,
    path: `a/${id}/index.html`,
    title: `Article ${id}`,
    authors: [],
    date: null,
    year: null,
    source: null,
    text: "",
    ...fields,
  };
}

/** Index files for the given articles, added in the given order. */
export function buildIndex(docs: readonly SearchDoc[]): OutputFile[] {
  const builder = createSearchIndexBuilder();
  for (const d of docs) builder.add(analyzeForSearch(d), String(d.id));
  return [...builder.finish()];
}

/** A made-up word per number, so tests can make many distinct terms. */
export function word(n: number): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  let w = "";
  let k = n;
  do {
    w += letters[k % letters.length];
    w += "aeiou"[Math.floor(k / letters.length) % 5];
    k = Math.floor(k / 100);
  } while (k > 0);
  return w;
}

/** The terms of an analysed document, as a list. */
export function termsOf(d: AnalyzedDoc): string[] {
  return d.terms === "" ? [] : d.terms.split("\n");
}

/**
 * Article `n` of a test corpus in its `version`: its words are drawn from the first `vocabulary`
 * made-up words, so they repeat across articles, and an edit (a new version) changes some.
 */
export function corpusArticle(n: number, version: number, vocabulary = 90): SearchDoc {
  return doc(0, {
    path: `a/${n}/index.html`,
    title: `${word(n)} report`,
    authors: n % 3 ? [`Writer ${word(n % 5)}`] : [],
    source: `site${n % 4}.com`,
    year: 2000 + (n % 6),
    date: `${2000 + (n % 6)}-01-01`,
    text: Array.from({ length: 20 + (n % 7) }, (_, k) =>
      word((n * 7 + k * k + version) % vocabulary),
    ).join(" "),
  });
}

/** The key a build gives an article's search entry: it changes when the article does. */
export const keyOf = (d: SearchDoc): string => `${d.path}|${d.text}`;
