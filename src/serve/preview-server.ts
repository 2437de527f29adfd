import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import sirv, { type RequestHandler } from "sirv";
import { closeServer, listenOnFreePort, serverUrl } from "./listen.js";
import { resolveRequest } from "./resolve-request.js";
import { cacheControl, setCommonHeaders, textContentType } from "./static-headers.js";

/** Options of {@link startPreviewServer}. */
export interface PreviewOptions {
  /** The built site, usually `dist/`. */
  readonly dir: string;
  /** First port to try; the next free ones follow. */
  readonly port: number;
  /** Interface to bind; loopback unless the user asks otherwise. */
  readonly host: string;
}

/** A running server: where it listens and how to stop it. */
export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-cache",
  });
  res.end(`${text}\n`);
}

async function sendNotFound(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const page = await resolveRequest(root, "/404.html");
  if (page.kind !== "file") return plain(res, 404, "404 Not Found");
  const body = await readFile(page.abs);
  res.writeHead(404, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": body.byteLength,
    "Cache-Control": "no-cache",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Serves a built site as a static host would (sirv underneath): content types with charsets,
 * `index.html` for folders, `404.html` with status 404, ETags and caching headers, and no listings,
 * traversal or symlinks out of the folder.
 */
export async function startPreviewServer(opts: PreviewOptions): Promise<RunningServer> {
  const root = resolve(opts.dir);
  const isDir = await stat(root).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    throw new Error(
      `Nothing to preview: \`${opts.dir}\` does not exist. Run \`broadsheet build\` first.`,
    );
  }
  // `dev` only means sirv looks files up per request instead of indexing them once, so a rebuild
  // while previewing is picked up and a rewritten file never gets a stale Content-Length.
  const serveFile: RequestHandler = sirv(root, {
    dev: true,
    etag: true,
    extensions: [],
    setHeaders(res, pathname) {
      setCommonHeaders(res);
      res.setHeader("Cache-Control", cacheControl(pathname));
      const type = textContentType(pathname);
      if (type !== null) res.setHeader("Content-Type", type);
    },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setCommonHeaders(res);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return plain(res, 405, "405 Method Not Allowed");
    }
    const found = await resolveRequest(root, req.url ?? "/");
    if (found.kind === "bad") return plain(res, 400, "400 Bad Request");
    if (found.kind === "redirect") {
      res.writeHead(301, { Location: found.location, "Cache-Control": "no-cache" });
      return void res.end();
    }
    if (found.kind === "missing") return sendNotFound(root, req, res);
    // sirv serves exactly the file the guard approved, addressed by its canonical path.
    req.url = encodeURI(`/${found.path.normalize()}`);
    serveFile(req, res, () => void sendNotFound(root, req, res));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) plain(res, 500, `500 ${(error as Error).message}`);
      else res.destroy();
    });
  });
  const port = await listenOnFreePort(server, opts.port, opts.host);
  return { url: serverUrl(opts.host, port), close: () => closeServer(server) };
}
