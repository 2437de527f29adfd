import type { Article } from "../core/types.js";
import type { ArticleRecord } from "./archive.js";
import { narrow } from "./narrow.js";
import { wantedSlug } from "./permalinks.js";
import { summarize } from "./summary.js";

/** The compact record the archive keeps of a cleaned article. */
export function toRecord(article: Article): ArticleRecord {
  return {
    file: article.file,
    url: narrow(article.url),
    link: narrow(article.link),
    urlKey: narrow(article.urlKey),
    domain: article.domain,
    section: narrow(article.section),
    authors: article.authors.map((name) => narrow(name)),
    published: article.published,
    title: narrow(article.title),
    slug: narrow(wantedSlug(article.title, article.url)),
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    contentHash: article.contentHash,
    summary: narrow(summarize(article)),
    suspect: article.suspect,
    repairedEncoding: article.changes.some((c) => /^repair\/(mojibake|encoding)/.test(c.rule)),
  };
}
