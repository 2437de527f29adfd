import { createServer } from "node:http";
import { createDevHandler } from "./dev-handler.js";
import { browserPayload } from "./dev-state.js";
import { createEventHub } from "./event-hub.js";
import { closeServer, listenOnFreePort, serverUrl } from "./listen.js";
import { type LiveBuildOptions, startLiveBuild } from "./live-build.js";
import type { RunningServer } from "./preview-server.js";

/** Options of {@link startDevServer}: a live build's options plus where to serve. */
export interface DevServerOptions extends Omit<LiveBuildOptions, "keptNote" | "firstBuild"> {
  readonly port: number;
  readonly host: string;
}

/**
 * Builds the site, serves it on `host` (the next free port from `port`), watches the inputs,
 * templates and config, rebuilds on change (bursts coalesced) and reloads open tabs, showing
 * build errors in the terminal and in an overlay while the last good pages stay served.
 */
export async function startDevServer(options: DevServerOptions): Promise<RunningServer> {
  const { port: _p, host: _h, ...rest } = options;
  const hub = createEventHub();
  const live = await startLiveBuild(
    { ...rest, keptNote: "The last good site is still served." },
    (state) => hub.broadcast("build", browserPayload(state)),
  );
  const handle = createDevHandler(
    {
      root: () => live.out(),
      buildId: () => live.state().id,
      broken: () => live.state().errors.length > 0 || live.state().fatal !== null,
    },
    hub,
    () => browserPayload(live.state()),
  );
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log(`✗ Serving ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal error: see the terminal.\n");
    });
  });
  const port = await listenOnFreePort(server, options.port, options.host);
  return {
    url: serverUrl(options.host, port),
    async close() {
      await live.close();
      hub.close();
      await closeServer(server);
    },
  };
}
