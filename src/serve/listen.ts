import type { Server } from "node:http";
import { isIPv6 } from "node:net";

/** How many ports after the requested one are tried before giving up. */
const PORT_ATTEMPTS = 50;

function listenOnce(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/**
 * Listens on `port`, or on the next free one when it is taken (port 0 lets the system choose).
 * Resolves with the port actually used.
 */
export async function listenOnFreePort(
  server: Server,
  port: number,
  host: string,
): Promise<number> {
  for (let attempt = 0; attempt < PORT_ATTEMPTS && port + attempt <= 65535; attempt++) {
    try {
      return await listenOnce(server, port === 0 ? 0 : port + attempt, host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EADDRINUSE" || port === 0) {
        throw new Error(`Cannot listen on ${host}:${port + attempt}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  }
  throw new Error(
    `Ports ${port} to ${port + PORT_ATTEMPTS - 1} are all in use on ${host}; pass a free one with --port.`,
  );
}

/** The URL to print for a server bound to `host`; an any-address binding is shown as loopback. */
export function serverUrl(host: string, port: number): string {
  const shown = host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
  return `http://${isIPv6(shown) ? `[${shown}]` : shown}:${port}/`;
}

/** Closes a server, ending idle keep-alive connections so the process can exit at once. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
