/**
 * Articles from which a build finishes its search index before it renders the listing pages,
 * rather than beside them. Beside them, the index builder's data (every article's stored fields
 * and key, the term table) stays in the heap while the listing pages fill it: at 100,000 articles
 * that cost 25–40 MiB and saved 4 s of 66; at 1,000,000 it raised the peak by about 400 MiB, to
 * 3,987 MiB, and saved nothing, the main thread being the slower side of both.
 */
export const INDEX_ALONE_FROM = 250_000;
