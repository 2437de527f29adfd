import type { Entry } from "../core/types.js";
import { toSlug } from "./slug.js";

/** All articles by one author, ids in archive order. */
export interface AuthorGroup {
  readonly name: string;
  readonly slug: string;
  readonly ids: readonly number[];
}

/** A section of a source, as its URLs show it. */
export interface SectionGroup {
  readonly name: string;
  readonly slug: string;
  readonly ids: readonly number[];
}

/** All articles from one source domain. */
export interface SourceGroup {
  readonly domain: string;
  readonly ids: readonly number[];
  readonly sections: readonly SectionGroup[];
}

/** A day, month or year of the date archive. */
export interface DateGroup {
  /** Year, month (1-12) or day (1-31). */
  readonly value: number;
  readonly ids: readonly number[];
  readonly children: readonly DateGroup[];
}

/** Every grouping of the archive that gets its own listing pages. */
export interface ArchiveGroups {
  /** Sorted A–Z by display name. */
  readonly authors: readonly AuthorGroup[];
  /** Sorted by domain. */
  readonly sources: readonly SourceGroup[];
  /** Newest year first; months and days newest first too. */
  readonly years: readonly DateGroup[];
  readonly undated: readonly number[];
}

/** Groups entries (already in archive order) by author, source, section and date, in one pass. */
export function groupArchive(entries: readonly Entry[]): ArchiveGroups {
  const authors = new Map<string, { name: string; ids: number[] }>();
  const sources = new Map<string, { ids: number[]; sections: Map<string, number[]> }>();
  const years = new Map<number, Map<number, Map<number, number[]>>>();
  const undated: number[] = [];

  for (const entry of entries) {
    for (const author of entry.authors) {
      const group = authors.get(author.slug) ?? { name: author.name, ids: [] };
      group.ids.push(entry.id);
      authors.set(author.slug, group);
    }
    if (entry.domain !== null) {
      const source = sources.get(entry.domain) ?? {
        ids: [],
        sections: new Map<string, number[]>(),
      };
      source.ids.push(entry.id);
      if (entry.section !== null) {
        const ids = source.sections.get(entry.section) ?? [];
        ids.push(entry.id);
        source.sections.set(entry.section, ids);
      }
      sources.set(entry.domain, source);
    }
    const date = entry.published;
    if (date === null) {
      undated.push(entry.id);
      continue;
    }
    const months = years.get(date.year) ?? new Map<number, Map<number, number[]>>();
    const days = months.get(date.month) ?? new Map<number, number[]>();
    const ids = days.get(date.day) ?? [];
    ids.push(entry.id);
    days.set(date.day, ids);
    months.set(date.month, days);
    years.set(date.year, months);
  }

  return {
    authors: [...authors]
      .map(([slug, g]) => ({ name: g.name, slug, ids: g.ids }))
      .sort((a, b) => compareNames(a.name, b.name) || (a.slug < b.slug ? -1 : 1)),
    sources: [...sources.keys()].sort().map((domain) => {
      const s = sources.get(domain) ?? { ids: [], sections: new Map<string, number[]>() };
      return {
        domain,
        ids: s.ids,
        sections: [...s.sections.keys()].sort().map((name) => ({
          name,
          slug: toSlug(name) || "section",
          ids: s.sections.get(name) ?? [],
        })),
      };
    }),
    years: nestDates(years),
    undated,
  };
}

/** A–Z as a reader would alphabetise, ignoring case and accents; one collator, reused for speed. */
const compareNames = new Intl.Collator("en", { sensitivity: "base" }).compare;

function nestDates(years: Map<number, Map<number, Map<number, number[]>>>): DateGroup[] {
  const desc = (a: number, b: number) => b - a;
  return [...years.keys()].sort(desc).map((year) => {
    const months = years.get(year) ?? new Map<number, Map<number, number[]>>();
    const monthGroups = [...months.keys()].sort(desc).map((month) => {
      const days = months.get(month) ?? new Map<number, number[]>();
      const dayGroups = [...days.keys()]
        .sort(desc)
        .map((day) => ({ value: day, ids: days.get(day) ?? [], children: [] }));
      return { value: month, ids: mergeIds(dayGroups), children: dayGroups };
    });
    return { value: year, ids: mergeIds(monthGroups), children: monthGroups };
  });
}

/** Calendar days and instants can disagree across time zones, so the union is re-sorted. */
function mergeIds(groups: readonly DateGroup[]): number[] {
  return groups.flatMap((g) => g.ids).sort((a, b) => a - b);
}
