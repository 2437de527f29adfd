import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import sirv from "sirv";
import type { EventHub } from "./event-hub.js";
import { injectClient } from "./inject.js";
import { CLIENT_PATH, EVENTS_PATH, LIVE_CLIENT_JS, RESERVED_PREFIX } from "./live-client.js";
import { requestSegments, resolveRequest } from "./resolve-request.js";
import { textContentType } from "./static-headers.js";

/** Pages remembered so one that a broken file made vanish can still be shown. */
const LAST_GOOD_LIMIT = 200;

/** What the dev handler reads about the current build. */
export interface DevSite {
  /** The output folder being served. */
  root(): string;
  /** Id of the latest build; pages carry it so the client knows when to reload. */
  buildId(): number;
  /** True while the latest build has errors or failed: missing pages are then served stale. */
  broken(): boolean;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  head: boolean,
): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  });
  res.end(head ? undefined : body);
}

const FALLBACK_404 =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title>' +
  "<body><h1>Not found</h1><p>No page at this address in the last build.</p></body></html>";

/**
 * Serves the output folder for `broadsheet dev`: HTML with the live-reload client added on the
 * fly, other files through sirv with caching off, the event stream, and the last good version
 * of a page while a broken input keeps it out of the build.
 */
export function createDevHandler(site: DevSite, hub: EventHub, firstEvent: () => unknown) {
  const lastGood = new Map<string, string>();
  let assets = { root: "", serve: sirv(".", { dev: true }) };
  const assetHandler = () => {
    if (assets.root !== site.root())
      assets = { root: site.root(), serve: sirv(site.root(), { dev: true }) };
    return assets.serve;
  };
  const remember = (key: string, html: string) => {
    lastGood.delete(key);
    lastGood.set(key, html);
    if (lastGood.size > LAST_GOOD_LIMIT) lastGood.delete(lastGood.keys().next().value as string);
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? "/";
    const head = req.method === "HEAD";
    if (url.startsWith(RESERVED_PREFIX)) {
      const path = url.split("?")[0];
      if (path === EVENTS_PATH)
        return hub.connect(req, res, { event: "build", data: firstEvent() });
      if (path === CLIENT_PATH)
        return send(res, 200, "text/javascript; charset=utf-8", LIVE_CLIENT_JS, head);
      return send(res, 404, "text/plain; charset=utf-8", "Not found\n", head);
    }
    if (req.method !== "GET" && !head) {
      res.setHeader("Allow", "GET, HEAD");
      return send(res, 405, "text/plain; charset=utf-8", "Method not allowed\n", head);
    }
    const found = await resolveRequest(site.root(), url);
    if (found.kind === "bad")
      return send(res, 400, "text/plain; charset=utf-8", "Bad request\n", head);
    if (found.kind === "redirect") {
      // 302, not 301: a browser would remember a permanent redirect long after this build.
      res.writeHead(302, { Location: found.location, "Cache-Control": "no-store" });
      return void res.end();
    }
    const key = (requestSegments(url) ?? []).filter((s) => s !== "").join("/");
    if (found.kind === "file" && /\.html?$/i.test(found.path)) {
      // A rebuild may remove the file between the lookup and the read; then it is missing.
      const html = await readFile(found.abs, "utf8").catch(() => null);
      if (html !== null) {
        remember(key, html);
        return send(res, 200, "text/html; charset=utf-8", injectClient(html, site.buildId()), head);
      }
    } else if (found.kind === "file") {
      const type = textContentType(found.path);
      if (type !== null) res.setHeader("Content-Type", type);
      req.url = encodeURI(`/${found.path}`);
      return assetHandler()(req, res, () =>
        send(res, 404, "text/plain; charset=utf-8", "Not found\n", head),
      );
    }
    const stale = site.broken() ? lastGood.get(key) : undefined;
    if (stale !== undefined) {
      res.setHeader("X-Broadsheet-Stale", "1");
      return send(res, 200, "text/html; charset=utf-8", injectClient(stale, site.buildId()), head);
    }
    const page = await resolveRequest(site.root(), "/404.html");
    const body = page.kind === "file" ? await readFile(page.abs, "utf8") : FALLBACK_404;
    return send(res, 404, "text/html; charset=utf-8", injectClient(body, site.buildId()), head);
  };
}
