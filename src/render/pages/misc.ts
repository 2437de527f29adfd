import { formatDiagnostic } from "../../core/format-diagnostic.js";
import type { Diagnostic } from "../../core/types.js";
import type { Archive } from "../../model/archive.js";
import { rootPrefix } from "../links.js";
import {
  countArticles,
  type PageHead,
  type PageSpec,
  plainHead,
  type SiteContext,
} from "./common.js";

/** Diagnostics listed on the report page; the full list is in `articles.ndjson` and `check`. */
const REPORT_LIMIT = 2000;

function head(
  title: string,
  path: string,
  site: SiteContext,
  section: PageHead["section"],
): PageHead {
  return plainHead(title, `${title} · ${site.title}`, path, site, section);
}

/** The search page. */
export function searchPage(site: SiteContext): PageSpec {
  const path = "search/index.html";
  return {
    path,
    template: "search-page",
    data: { site, page: head("Search", path, site, "search"), rel: rootPrefix(path) },
  };
}

/**
 * The 404 page. Hosts serve it at any depth, so relative links would break: with a base URL its
 * links are absolute; without one they are relative to the site root, right for the common case.
 */
export function notFoundPage(site: SiteContext): PageSpec {
  const path = "404.html";
  return {
    path,
    template: "404",
    data: { site, page: head("Page not found", path, site, "none"), rel: site.baseUrl ?? "" },
  };
}

/** The data-quality report: files held back or merged, and the diagnostics. */
export function reportPage(
  archive: Archive,
  diagnostics: readonly Diagnostic[],
  site: SiteContext,
): PageSpec {
  const path = "report/index.html";
  const summaryText = `${countArticles(archive.entries.length)} published; ${archive.omitted.length.toLocaleString("en-US")} files not published on their own; ${diagnostics.length.toLocaleString("en-US")} diagnostics`;
  return {
    path,
    template: "report",
    data: {
      site,
      page: head("Data quality", path, site, "none"),
      rel: rootPrefix(path),
      summaryText,
      omitted: archive.omitted,
      diagnostics: diagnostics.slice(0, REPORT_LIMIT).map((d) => ({ text: formatDiagnostic(d) })),
      moreDiagnostics: Math.max(0, diagnostics.length - REPORT_LIMIT),
    },
  };
}
