import type { Article } from "../core/types.js";
import type { ArticleRecord } from "./archive.js";
import { wantedSlug } from "./permalinks.js";
import { summarize } from "./summary.js";

/** The compact record the archive keeps of a cleaned article. */
export function toRecord(article: Article): ArticleRecord {
  return {
    file: article.file,
    url: article.url,
    link: article.link,
    urlKey: article.urlKey,
    domain: article.domain,
    section: article.section,
    authors: article.authors,
    published: article.published,
    title: article.title,
    slug: wantedSlug(article.title, article.url),
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    contentHash: article.contentHash,
    summary: summarize(article),
    suspect: article.suspect,
    repairedEncoding: article.changes.some((c) => /^repair\/(mojibake|encoding)/.test(c.rule)),
  };
}
