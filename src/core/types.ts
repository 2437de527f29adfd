/** A problem found in one input file or in the archive as a whole. */
export interface Diagnostic {
  /** Display path of the input file (relative to the working directory, POSIX). */
  readonly file: string;
  /** 1-based line in that file; 0 when the problem concerns the whole file. */
  readonly line: number;
  readonly severity: "error" | "warning";
  /** What is wrong, in a user's words; values in backticks. */
  readonly message: string;
  /** Stable identifier such as `parse/missing-title`. */
  readonly rule: string;
}

/** An input file as read from disk, before parsing. */
export interface SourceFile {
  /** Display path: relative to the working directory, POSIX separators. */
  readonly path: string;
  /** Raw bytes; decoding is the parser's job because encoding repair is. */
  readonly bytes: Uint8Array;
}

/** When an article was published, in its own calendar as written in the input. */
export interface PublishedDate {
  /** Year, month (1-12) and day as written, not shifted to UTC. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** `date` when only a day is known (a midnight with no offset counts as a day), else `datetime`. */
  readonly precision: "date" | "datetime";
  /** ISO 8601 text: `2018-05-31`, `2018-05-31T16:46:36` or `2018-05-31T16:46:36-04:00`. */
  readonly iso: string;
  /** Milliseconds since the epoch, naive times taken as UTC; used for ordering only. */
  readonly epochMs: number;
}

/** One edit the cleaner made to the scraped text, kept so the archive can show it. */
export interface Change {
  /** Cleaning rule, such as `clean/author-junk`. */
  readonly rule: string;
  readonly field: "title" | "authors" | "body" | "url";
  readonly before: string;
  readonly after: string;
}

/** The body of an article: scraped plain text, or Markdown from a front-matter file. */
export type Body =
  | { readonly kind: "text"; readonly paragraphs: readonly string[] }
  | { readonly kind: "markdown"; readonly markdown: string };

/** One parsed input file: everything the archive knows about an article. */
export interface Article {
  /** Display path of the input file; appears in every diagnostic. */
  readonly file: string;
  /** 1-based line of the body's first line in the input file. */
  readonly bodyLine: number;
  /** The source URL as written (line 1), repaired text only. */
  readonly url: string;
  /** The URL when it is http(s) and may be linked to; `null` otherwise. */
  readonly link: string | null;
  /** The URL normalised for duplicate detection; `null` without a usable URL. */
  readonly urlKey: string | null;
  /** Host name with `www.` folded, e.g. `cnn.com`; `null` without a usable URL. */
  readonly domain: string | null;
  /** Section from the URL path where one is evident (`asia`), else `null`. */
  readonly section: string | null;
  readonly authors: readonly string[];
  readonly published: PublishedDate | null;
  readonly title: string;
  /** True when the input had no title and it was derived from the URL or file name. */
  readonly titleDerived: boolean;
  readonly body: Body;
  readonly wordCount: number;
  /** Whole minutes at 230 words a minute, at least 1. */
  readonly readingMinutes: number;
  /** SHA-256 (hex) of the input file's bytes. */
  readonly contentHash: string;
  /** Edits made while repairing and cleaning, in order. */
  readonly changes: readonly Change[];
  /** Publisher name when the scrape named the outlet (e.g. among the authors). */
  readonly publisher: string | null;
  /** Why the cleaner holds this article back (cookie wall, removal notice…), or `null`. */
  readonly suspect: string | null;
}

/** What a parser returns for one file: an article, or only diagnostics. */
export interface ParseResult {
  readonly article: Article | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** An author as listed on pages: display spelling plus the slug of their page. */
export interface AuthorRef {
  readonly name: string;
  readonly slug: string;
}

/**
 * The compact record of a published article that listings, feeds, sitemaps and the
 * search index need. The archive holds only these, never bodies, so it scales.
 */
export interface Entry {
  /** Position in archive order: newest first, undated last. */
  readonly id: number;
  /** Output path of the article page, e.g. `2018/05/31/some-title/index.html`. */
  readonly path: string;
  readonly file: string;
  readonly title: string;
  readonly authors: readonly AuthorRef[];
  readonly published: PublishedDate | null;
  readonly domain: string | null;
  readonly section: string | null;
  readonly url: string;
  readonly link: string | null;
  readonly wordCount: number;
  readonly readingMinutes: number;
  readonly contentHash: string;
  /** First sentences of the body, plain text, for descriptions and feeds. */
  readonly summary: string;
  /** Other source URLs whose text is the same article (merged duplicates). */
  readonly alsoAt: readonly string[];
  /** Files merged into this one as duplicates. */
  readonly mergedFiles: readonly string[];
}

/** A file the build produces, with its path relative to the output folder (POSIX). */
export interface OutputFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/** Settings for one build, after the CLI and the config file are merged. */
export interface BuildOptions {
  /** Input folders or files. */
  readonly inputs: readonly string[];
  /** Output folder. */
  readonly out: string;
  /** Absolute URL the site is published at, ending in `/`; `null` when unknown. */
  readonly baseUrl: string | null;
  readonly title: string;
  /** Articles per listing page. */
  readonly pageSize: number;
  /** Folder holding the Eta templates and assets. */
  readonly templates: string;
  /** Publish without any cleaning of the scraped text. */
  readonly raw: boolean;
  /** Publish articles the cleaner holds back as non-articles. */
  readonly includeSuspect: boolean;
  /** Worker threads for parsing and rendering; 1 renders in the main thread. */
  readonly workers: number;
  /** Any diagnostic fails the build. */
  readonly strict: boolean;
  /** No progress output. */
  readonly quiet: boolean;
}

/** What a build reports back. */
export interface BuildResult {
  readonly articles: number;
  readonly pages: number;
  readonly written: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly seconds: number;
}
