import { Feed } from "feed";
import type { Entry, OutputFile } from "../core/types.js";

/** Articles in each feed. */
export const FEED_SIZE = 50;

/**
 * Atom, RSS 2.0 and JSON Feed 1.1 of the newest articles. Atom and RSS come from the `feed`
 * package; it writes JSON Feed 1.0 only, so the 1.1 document is built here (it is plain JSON).
 */
export function renderFeeds(
  entries: readonly Entry[],
  title: string,
  baseUrl: string,
): OutputFile[] {
  const newest = entries.filter((e) => e.published !== null).slice(0, FEED_SIZE);
  const updated = new Date(newest[0]?.published?.epochMs ?? 0);
  const url = (path: string) => baseUrl + path.replace(/index\.html$/, "");
  const feed = new Feed({
    title,
    id: baseUrl,
    link: baseUrl,
    updated,
    generator: "Broadsheet",
    copyright: "Texts are the copyright of their publishers.",
    feedLinks: {
      atom: `${baseUrl}feed.xml`,
      rss: `${baseUrl}rss.xml`,
      json: `${baseUrl}feed.json`,
    },
  });
  for (const e of newest) {
    feed.addItem({
      title: e.title,
      id: url(e.path),
      link: url(e.path),
      description: e.summary,
      date: new Date(e.published?.epochMs ?? 0),
      author: e.authors.map((a) => ({ name: a.name })),
    });
  }
  const json = {
    version: "https://jsonfeed.org/version/1.1",
    title,
    home_page_url: baseUrl,
    feed_url: `${baseUrl}feed.json`,
    items: newest.map((e) => ({
      id: url(e.path),
      url: url(e.path),
      ...(e.link ? { external_url: e.link } : {}),
      title: e.title,
      summary: e.summary,
      content_text: e.summary,
      date_published: new Date(e.published?.epochMs ?? 0).toISOString(),
      ...(e.authors.length ? { authors: e.authors.map((a) => ({ name: a.name })) } : {}),
    })),
  };
  return [
    { path: "feed.xml", contents: feed.atom1() },
    { path: "rss.xml", contents: feed.rss2() },
    { path: "feed.json", contents: `${JSON.stringify(json, null, 2)}\n` },
  ];
}
