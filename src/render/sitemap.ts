import type { OutputFile } from "../core/types.js";

/** The sitemap protocol's limit of URLs in one file. */
export const SITEMAP_LIMIT = 50_000;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * `sitemap.xml` listing every page, or a sitemap index over `sitemap-N.xml` files when there are
 * more pages than one sitemap may hold; plus `robots.txt` pointing at it. Written by hand: the
 * format is a few fixed lines, and the paths arrive already sorted and unique.
 */
export function renderSitemaps(
  paths: readonly string[],
  baseUrl: string,
  limit = SITEMAP_LIMIT,
): OutputFile[] {
  const url = (path: string) => escapeXml(baseUrl + path.replace(/(^|\/)index\.html$/, "$1"));
  const urlset = (chunk: readonly string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${chunk.map((p) => `<url><loc>${url(p)}</loc></url>`).join("\n")}\n</urlset>\n`;
  const robots = {
    path: "robots.txt",
    contents: `User-agent: *\nAllow: /\n\nSitemap: ${baseUrl}sitemap.xml\n`,
  };
  if (paths.length <= limit) return [{ path: "sitemap.xml", contents: urlset(paths) }, robots];
  const files: OutputFile[] = [];
  for (let i = 0; i * limit < paths.length; i++) {
    files.push({
      path: `sitemap-${i + 1}.xml`,
      contents: urlset(paths.slice(i * limit, (i + 1) * limit)),
    });
  }
  const index = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.map((f) => `<sitemap><loc>${escapeXml(baseUrl + f.path)}</loc></sitemap>`).join("\n")}\n</sitemapindex>\n`;
  return [{ path: "sitemap.xml", contents: index }, ...files, robots];
}
