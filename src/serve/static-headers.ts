import type { ServerResponse } from "node:http";
import { extname } from "node:path";

/** Text types whose charset a static host should state; sirv names the type but not the charset. */
const TEXT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".map": "application/json",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml",
  ".rss": "application/rss+xml",
  ".atom": "application/atom+xml",
  ".xsl": "application/xml",
  ".svg": "image/svg+xml",
  ".txt": "text/plain",
  ".csv": "text/csv",
};

/** The `Content-Type` with `charset=utf-8` for a text file, or `null` to keep sirv's choice. */
export function textContentType(path: string): string | null {
  const type = TEXT_TYPES[extname(path).toLowerCase()];
  return type === undefined ? null : `${type}; charset=utf-8`;
}

/** A name such as `style.3f9a1c2e.css` can never change, so browsers may keep it for a year. */
const FINGERPRINTED = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;

/**
 * The `Cache-Control` a careful static host sends: fingerprinted assets are immutable, and
 * everything else is revalidated on each use (cheap, thanks to the ETag) so a deploy shows at once.
 */
export function cacheControl(path: string): string {
  return FINGERPRINTED.test(path)
    ? "public, max-age=31536000, immutable"
    : "public, max-age=0, must-revalidate";
}

/** Sets the headers every preview response carries, whatever its status. */
export function setCommonHeaders(res: ServerResponse): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
}
