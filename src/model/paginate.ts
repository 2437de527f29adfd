/** One page of a paginated listing. */
export interface Pagination {
  /** 1-based page number. */
  readonly number: number;
  readonly total: number;
  /** Output path of this page, e.g. `authors/jane-doe/page/2/index.html`. */
  readonly path: string;
  /** Output paths of every page of the listing, in order. */
  readonly paths: readonly string[];
  /** Indexes into the listing's items shown on this page: [start, end). */
  readonly start: number;
  readonly end: number;
}

/** Output path of page `n` of the listing rooted at `base` (`""` is the site root). */
export function pagePath(base: string, n: number): string {
  const prefix = base === "" ? "" : `${base}/`;
  return n === 1 ? `${prefix}index.html` : `${prefix}page/${n}/index.html`;
}

/** Splits `count` items into pages of `size`; an empty listing still has one page. */
export function paginate(base: string, count: number, size: number): Pagination[] {
  const total = Math.max(1, Math.ceil(count / size));
  const paths = Array.from({ length: total }, (_, i) => pagePath(base, i + 1));
  return paths.map((path, i) => ({
    number: i + 1,
    total,
    path,
    paths,
    start: i * size,
    end: Math.min(count, (i + 1) * size),
  }));
}
