import type { Article, Body, Change, PublishedDate } from "../core/types.js";
import type { FileDiagnostics } from "./diagnostics.js";
import { quote } from "./diagnostics.js";
import { analyseUrl, titleFromUrl } from "./url.js";
import { capitalise } from "./url-path.js";
import { countWords, readingMinutes } from "./words.js";

/** The fields a layout parser reads; the rest of an Article is derived from them. */
export interface ArticleDraft {
  readonly file: string;
  readonly contentHash: string;
  readonly url: string;
  readonly urlLine: number;
  readonly authors: readonly string[];
  readonly published: PublishedDate | null;
  readonly title: string;
  readonly titleLine: number;
  readonly body: Body;
  readonly bodyLine: number;
  readonly changes: readonly Change[];
}

/** A title from the file name: `posts/my_first-post.md` → `My first post`. */
function titleFromFileName(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.[^.]*$/, "");
  const words = name.split(/[-_\s]+/).filter((w) => w !== "");
  return capitalise(words.join(" ")) || name || path;
}

function bodyWords(body: Body): number {
  if (body.kind === "markdown") return countWords(body.markdown);
  let words = 0;
  for (const paragraph of body.paragraphs) words += countWords(paragraph);
  return words;
}

/** Completes a draft into an Article: link, key, domain, section, title fallback, counts. */
export function finishArticle(draft: ArticleDraft, diagnostics: FileDiagnostics): Article {
  const url = analyseUrl(draft.url);
  if (url.problem !== null && draft.url !== "") {
    diagnostics.warn(
      draft.urlLine,
      "parse/bad-url",
      `Source URL ${quote(draft.url)} cannot be linked to: ${url.problem}. Give the article's full http(s) address.`,
    );
  }
  let title = draft.title;
  const titleDerived = title === "";
  if (titleDerived) {
    const slugTitle = titleFromUrl(draft.url);
    title = slugTitle ?? titleFromFileName(draft.file);
    diagnostics.warn(
      draft.titleLine,
      "parse/missing-title",
      `The article has no title; using ${quote(title)}, made from its ${slugTitle ? "URL" : "file name"}.`,
    );
  }
  const wordCount = bodyWords(draft.body);
  if (wordCount === 0) {
    diagnostics.warn(draft.bodyLine, "parse/empty-body", "The article has no body text.");
  }
  return {
    file: draft.file,
    bodyLine: draft.bodyLine,
    url: draft.url,
    link: url.link,
    urlKey: url.urlKey,
    domain: url.domain,
    section: url.section,
    authors: draft.authors,
    published: draft.published,
    title,
    titleDerived,
    body: draft.body,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    contentHash: draft.contentHash,
    changes: draft.changes,
    publisher: null,
    suspect: null,
  };
}
