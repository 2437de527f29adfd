import type { ArticleRecord } from "./archive.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Shares strings between the records of one build. */
export interface StringSharer {
  /**
   * Shares the record's repeated strings, changing it in place, and returns it: it must be a
   * fresh copy that nothing else holds yet. `file` is the path to share its own with.
   */
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
    record: (record, file) => {
      // In place: a new object for each record cost loading 100,000 cached records about a tenth
      // of its CPU, in allocating them and collecting the copies they replaced.
      const shared = record as Mutable<ArticleRecord>;
      if (record.file === file) shared.file = file;
      if (record.link === record.url) shared.link = record.url;
      if (record.domain !== null) shared.domain = share(record.domain);
      if (record.section !== null) shared.section = share(record.section);
      const authors = record.authors as string[];
      for (let i = 0; i < authors.length; i++) authors[i] = share(authors[i] as string);
      if (record.published !== null) {
        const published = record.published as Mutable<NonNullable<ArticleRecord["published"]>>;
        published.precision = published.precision === "date" ? "date" : "datetime";
      }
      return record;
    },
  };
}
