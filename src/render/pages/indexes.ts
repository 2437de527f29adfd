import type { Archive } from "../../model/archive.js";
import { authorFolder, dateFolder, sectionFolder, sourceFolder } from "../../model/paths.js";
import { monthName } from "../dates.js";
import { rootPrefix } from "../links.js";
import {
  countArticles,
  type PageHead,
  type PageSpec,
  plainHead,
  type SiteContext,
} from "./common.js";

interface IndexItem {
  readonly label: string;
  readonly path: string;
  readonly count: number;
  readonly children?: readonly IndexItem[];
}

/** The A–Z index of authors, the index of sources with their sections, and the date index. */
export function indexPages(archive: Archive, site: SiteContext): PageSpec[] {
  const authors = archive.authors.map((a) => ({
    label: a.name,
    path: `${authorFolder(a.slug)}/index.html`,
    count: a.ids.length,
  }));
  const sources = archive.sources.map((s) => ({
    label: s.domain,
    path: `${sourceFolder(s.domain)}/index.html`,
    count: s.ids.length,
    children: s.sections.map((sec) => ({
      label: sec.name,
      path: `${sectionFolder(s.domain, sec.name)}/index.html`,
      count: sec.ids.length,
    })),
  }));
  const years = archive.years.map((y) => ({
    label: String(y.value),
    path: `${dateFolder(y.value)}/index.html`,
    count: y.ids.length,
    children: y.children.map((m) => ({
      label: monthName(m.value),
      path: `${dateFolder(y.value, m.value)}/index.html`,
      count: m.ids.length,
    })),
  }));
  const dateSections = [{ letter: "By year", id: "years", items: years }];
  if (archive.undated.length > 0) {
    dateSections.push({
      letter: "Without a date",
      id: "undated",
      items: [
        {
          label: "Undated",
          path: "undated/index.html",
          count: archive.undated.length,
          children: [],
        },
      ],
    });
  }
  return [
    indexPage(
      "authors/index.html",
      "Authors",
      `${archive.authors.length.toLocaleString("en-US")} authors`,
      byLetter(authors),
      "authors",
      site,
    ),
    indexPage(
      "sources/index.html",
      "Sources",
      `${archive.sources.length.toLocaleString("en-US")} sources`,
      byLetter(sources),
      "sources",
      site,
    ),
    indexPage(
      "dates/index.html",
      "Articles by date",
      countArticles(archive.entries.length),
      dateSections,
      "dates",
      site,
    ),
  ];
}

function indexPage(
  path: string,
  heading: string,
  countText: string,
  letters: { letter: string; id: string; items: IndexItem[] }[],
  section: PageHead["section"],
  site: SiteContext,
): PageSpec {
  const page = plainHead(heading, `${heading} in ${site.title}: ${countText}`, path, site, section);
  return {
    path,
    template: "index-page",
    data: { site, page, rel: rootPrefix(path), heading, countText, letters },
  };
}

/** Groups items under their initial letter, folding accents; anything else goes under `#`. */
function byLetter(
  items: readonly IndexItem[],
): { letter: string; id: string; items: IndexItem[] }[] {
  const groups = new Map<string, IndexItem[]>();
  for (const item of items) {
    const first = item.label.normalize("NFKD").replace(/\p{M}/gu, "").charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : "#";
    const list = groups.get(letter) ?? [];
    list.push(item);
    groups.set(letter, list);
  }
  return [...groups.keys()]
    .sort((a, b) => (a === "#" ? 1 : b === "#" ? -1 : a < b ? -1 : 1))
    .map((letter) => ({
      letter,
      id: letter === "#" ? "other" : `letter-${letter.toLowerCase()}`,
      items: groups.get(letter) ?? [],
    }));
}
