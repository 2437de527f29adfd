import type { IncomingMessage, ServerResponse } from "node:http";

/** Keeps proxies and idle timers from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** The open server-sent-event streams of the browser tabs showing the site. */
export interface EventHub {
  /** Turns a request into a stream; `first` is sent at once so a tab learns the current state. */
  connect(req: IncomingMessage, res: ServerResponse, first: { event: string; data: unknown }): void;
  /** Sends one event to every open stream. */
  broadcast(event: string, data: unknown): void;
  /** Number of open streams. */
  readonly size: number;
  /** Ends every stream. */
  close(): void;
}

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Creates an empty hub of server-sent-event streams. */
export function createEventHub(): EventHub {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(": ping\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    connect(req, res, first) {
      res.writeHead(200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store",
        Connection: "keep-alive",
      });
      // A quick retry brings tabs back soon after the dev server restarts.
      res.write(`retry: 500\n\n${frame(first.event, first.data)}`);
      clients.add(res);
      req.on("close", () => clients.delete(res));
    },
    broadcast(event, data) {
      const text = frame(event, data);
      for (const res of clients) res.write(text);
    },
    get size() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
