import type { Entry } from "../../core/types.js";
import type { Archive } from "../../model/archive.js";
import type { DateGroup } from "../../model/group.js";
import { paginate } from "../../model/paginate.js";
import { authorFolder, dateFolder, sectionFolder, sourceFolder } from "../../model/paths.js";
import { monthName } from "../dates.js";
import { rootPrefix } from "../links.js";
import { renderTimeline } from "../timeline.js";
import {
  absoluteUrl,
  countArticles,
  entryView,
  type PageHead,
  type PageSpec,
  pageNumbers,
  type SiteContext,
} from "./common.js";

/** A link to a group page with its article count. */
interface GroupLink {
  readonly label: string;
  readonly path: string;
  readonly count: number;
  readonly children?: readonly GroupLink[];
}

interface Listing {
  readonly base: string;
  readonly heading: string;
  readonly ids: readonly number[];
  readonly section: PageHead["section"];
  readonly crumbs: readonly { label: string; path: string }[];
  /** Links shown above the entries on the first page (months of a year, sections of a source). */
  readonly groups?: readonly GroupLink[];
  readonly timeline?: boolean;
}

/**
 * Yields every listing page of the archive: home, each author, source, section, year, month and
 * day, and undated, each paginated alike. A generator, so pages are rendered and written one at a
 * time instead of being held together.
 */
export function* listingPages(
  archive: Archive,
  site: SiteContext,
  pageSize: number,
): Generator<PageSpec> {
  for (const listing of listings(archive))
    yield* paginatedListing(listing, archive, site, pageSize);
}

function* listings(archive: Archive): Generator<Listing> {
  yield {
    base: "",
    heading: "Latest articles",
    ids: archive.entries.map((e) => e.id),
    section: "home",
    crumbs: [],
    timeline: true,
  };
  for (const a of archive.authors) {
    yield {
      base: authorFolder(a.slug),
      heading: a.name,
      ids: a.ids,
      section: "authors",
      crumbs: [{ label: "Authors", path: "authors/index.html" }],
    };
  }
  for (const s of archive.sources) {
    const crumbs = [{ label: "Sources", path: "sources/index.html" }];
    yield {
      base: sourceFolder(s.domain),
      heading: s.domain,
      ids: s.ids,
      section: "sources",
      crumbs,
      groups: s.sections.map((sec) => ({
        label: sec.name,
        path: `${sectionFolder(s.domain, sec.name)}/index.html`,
        count: sec.ids.length,
      })),
    };
    for (const sec of s.sections) {
      yield {
        base: sectionFolder(s.domain, sec.name),
        heading: `${s.domain} / ${sec.name}`,
        ids: sec.ids,
        section: "sources",
        crumbs: [...crumbs, { label: s.domain, path: `${sourceFolder(s.domain)}/index.html` }],
      };
    }
  }
  for (const y of archive.years) yield* dateListings(y);
  yield {
    base: "undated",
    heading: "Undated articles",
    ids: archive.undated,
    section: "dates",
    crumbs: [{ label: "Dates", path: "dates/index.html" }],
  };
}

function* dateListings(year: DateGroup): Generator<Listing> {
  const yearCrumbs = [
    { label: "Dates", path: "dates/index.html" },
    { label: String(year.value), path: `${dateFolder(year.value)}/index.html` },
  ];
  yield {
    base: dateFolder(year.value),
    heading: String(year.value),
    ids: year.ids,
    section: "dates",
    crumbs: yearCrumbs.slice(0, 1),
    groups: year.children.map((m) => ({
      label: `${monthName(m.value)} ${year.value}`,
      path: `${dateFolder(year.value, m.value)}/index.html`,
      count: m.ids.length,
    })),
  };
  for (const month of year.children) {
    const monthPath = `${dateFolder(year.value, month.value)}/index.html`;
    yield {
      base: dateFolder(year.value, month.value),
      heading: `${monthName(month.value)} ${year.value}`,
      ids: month.ids,
      section: "dates",
      crumbs: yearCrumbs,
      groups: month.children.map((d) => ({
        label: `${d.value} ${monthName(month.value)}`,
        path: `${dateFolder(year.value, month.value, d.value)}/index.html`,
        count: d.ids.length,
      })),
    };
    for (const day of month.children) {
      yield {
        base: dateFolder(year.value, month.value, day.value),
        heading: `${day.value} ${monthName(month.value)} ${year.value}`,
        ids: day.ids,
        section: "dates",
        crumbs: [...yearCrumbs, { label: monthName(month.value), path: monthPath }],
      };
    }
  }
}

function* paginatedListing(
  listing: Listing,
  archive: Archive,
  site: SiteContext,
  pageSize: number,
): Generator<PageSpec> {
  for (const pager of paginate(listing.base, listing.ids.length, pageSize)) {
    const rel = rootPrefix(pager.path);
    const entries = listing.ids
      .slice(pager.start, pager.end)
      .map((id) => entryView(entryAt(archive.entries, id)));
    const countText = countArticles(listing.ids.length);
    const head: PageHead = {
      title: pager.number === 1 ? listing.heading : `${listing.heading} (page ${pager.number})`,
      description: `${listing.heading}: ${countText} in ${site.title}`,
      canonical: absoluteUrl(site, pager.path),
      prev: pager.number > 1 ? (pager.paths[pager.number - 2] ?? null) : null,
      next: pager.number < pager.total ? (pager.paths[pager.number] ?? null) : null,
      section: listing.section,
      og: [],
      jsonLd: null,
    };
    yield {
      path: pager.path,
      template: "listing",
      data: {
        site,
        page: head,
        rel,
        heading: pager.number === 1 ? listing.heading : head.title,
        countText,
        crumbs: listing.crumbs,
        groups: pager.number === 1 ? (listing.groups ?? []) : [],
        timeline: listing.timeline && pager.number === 1 ? renderTimeline(archive.years, rel) : "",
        entries,
        start: pager.start,
        // Only the links this page shows: the full list of page paths would make every page's
        // data grow with the listing, and listings of thousands of pages quadratic.
        pager: {
          number: pager.number,
          total: pager.total,
          prev: head.prev,
          next: head.next,
          links: pageNumbers(pager).map((n) => ({
            n,
            path: n === 0 ? "" : (pager.paths[n - 1] ?? ""),
          })),
        },
      },
    };
  }
}

function entryAt(entries: readonly Entry[], id: number): Entry {
  const entry = entries[id];
  if (entry === undefined) throw new RangeError(`no entry ${id}`);
  return entry;
}
