import { compareText } from "../core/compare.js";
import type { PublishedDate } from "../core/types.js";
import { assignUniqueSlugs, toSlug } from "./slug.js";

/** Slugs that would clash with listing paths inside a date or undated folder. */
const RESERVED = new Set(["page", "index"]);

/** The folder an article's page lives in: `2018/05/31` by its own calendar day, or `undated`. */
export function permalinkFolder(published: PublishedDate | null): string {
  if (published === null) return "undated";
  return `${published.year}/${pad(published.month)}/${pad(published.day)}`;
}

/** Zero-pads a month or day to two digits. */
export function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The slug an article asks for: from its title, else its URL's last segment, else `article`. */
export function wantedSlug(title: string, url: string): string {
  const fromTitle = toSlug(title);
  if (fromTitle !== "") return fromTitle;
  const segment = url.split(/[?#]/)[0]?.split("/").filter(Boolean).pop() ?? "";
  return toSlug(segment.replace(/\.\w+$/, "")) || "article";
}

/**
 * Gives each article a page path unique within its folder, from the slug it asks for. Colliding
 * slugs are numbered in the order of the articles' file paths, so an article keeps its address
 * when others are added.
 */
export function assignPermalinks(
  articles: readonly {
    slug: string;
    file: string;
    published: PublishedDate | null;
  }[],
): string[] {
  const byFolder = new Map<string, number[]>();
  articles.forEach((a, i) => {
    const folder = permalinkFolder(a.published);
    const members = byFolder.get(folder);
    if (members === undefined) byFolder.set(folder, [i]);
    else members.push(i);
  });
  const paths: string[] = new Array(articles.length).fill("");
  for (const [folder, members] of byFolder) {
    members.sort((x, y) => compareText(articles[x]?.file ?? "", articles[y]?.file ?? ""));
    const slugs = assignUniqueSlugs(
      members.map((i) => articles[i]?.slug ?? "article"),
      RESERVED,
    );
    members.forEach((i, k) => {
      paths[i] = `${folder}/${slugs[k] ?? "article"}/index.html`;
    });
  }
  return paths;
}
