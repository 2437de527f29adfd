import { pad } from "./permalinks.js";
import { toSlug } from "./slug.js";

/** Folder of a source's pages: the domain itself when it is a plain host name, else its slug. */
export function sourceFolder(domain: string): string {
  const safe = /^[a-z0-9][a-z0-9.-]*$/.test(domain) && !domain.includes("..");
  return `sources/${safe ? domain : toSlug(domain) || "source"}`;
}

/** Folder of a section of a source. */
export function sectionFolder(domain: string, section: string): string {
  return `${sourceFolder(domain)}/${toSlug(section) || "section"}`;
}

/** Folder of an author's pages. */
export function authorFolder(slug: string): string {
  return `authors/${slug}`;
}

/** Folder of a year, month or day archive: `2018`, `2018/05`, `2018/05/31`. */
export function dateFolder(year: number, month?: number, day?: number): string {
  if (month === undefined) return String(year);
  if (day === undefined) return `${year}/${pad(month)}`;
  return `${year}/${pad(month)}/${pad(day)}`;
}
