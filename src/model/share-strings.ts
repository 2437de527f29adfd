import type { ArticleRecord } from "./archive.js";

/** Shares strings between the records of one build. */
export interface StringSharer {
  /** The record with its repeated strings shared; `file` is the path to share its own with. */
  record(record: ArticleRecord, file: string): ArticleRecord;
  /** The first copy of `text` seen. */
  text(text: string): string;
}

/**
 * Makes records that repeat a string share one copy of it. Records reach the main thread by
 * structured clone or from the cache by `deserialize`, both of which copy every string, so
 * 100,000 records held 100,000 copies of a few source domains and sections, of each author's
 * name and of each file's path, and a link that most often equals the URL: about a tenth of what
 * the main thread holds for an article.
 */
export function createStringSharer(): StringSharer {
  const known = new Map<string, string>();
  const share = (text: string): string => {
    const first = known.get(text);
    if (first !== undefined) return first;
    known.set(text, text);
    return text;
  };
  return {
    text: share,
    record: (record, file) => ({
      ...record,
      file: record.file === file ? file : record.file,
      link: record.link === record.url ? record.url : record.link,
      domain: record.domain === null ? null : share(record.domain),
      section: record.section === null ? null : share(record.section),
      authors: record.authors.map(share),
      published:
        record.published === null
          ? null
          : {
              ...record.published,
              precision: record.published.precision === "date" ? "date" : "datetime",
            },
    }),
  };
}
