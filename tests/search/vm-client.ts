import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import type { OutputFile } from "../../src/core/types.js";

const CORE = fileURLToPath(new URL("../../templates/assets/search-core.js", import.meta.url));

/** One result as the client reports it. */
export interface ClientDoc {
  ord: number;
  path: string;
  title: string;
  date: string | null;
  source: string | null;
  authors: string[];
  snippet: string;
}

/** The browser engine's API, as seen from a test. */
export interface ClientEngine {
  search(q: { q?: string; source?: string; author?: string; year?: string }): Promise<{
    tokens: string[];
    ords: Int32Array;
    scores: Float64Array;
    hits: { ord: number; score: number }[];
  }>;
  docs(ords: number[], onEach?: (doc: ClientDoc, i: number) => void): Promise<ClientDoc[]>;
  meta(): Promise<Record<string, unknown>>;
  authors(): Promise<[string, string, number][]>;
}

/** The client's global object after search-core.js ran in a fresh context. */
export interface ClientGlobal {
  createEngine(base: string, load: (url: string, onError: () => void) => void): ClientEngine;
  foldText(text: string): string;
  tokenize(text: string): string[];
  facetKey(kind: string, value: string): string;
  highlight(text: string, tokens: string[]): [string, boolean][];
  snippetParts(text: string, tokens: string[]): [string, boolean][];
  eachPosting(text: string, fn: (ord: number, value: number) => void): number;
}

/** Runs the browser's search-core.js in a `vm` context without a DOM. */
export function loadClient(): { client: ClientGlobal; context: vm.Context } {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(CORE, "utf8"), context, { filename: "search-core.js" });
  return { client: context.BroadsheetSearch as ClientGlobal, context };
}

/**
 * An engine over index files held in memory: each requested shard script runs in the
 * client's context, as a script tag would run it, after `delay(path)` ms (default 0);
 * `loaded` lists the paths fetched.
 */
export function engineOver(
  files: readonly OutputFile[],
  delay: (path: string) => number = () => 0,
): {
  engine: ClientEngine;
  client: ClientGlobal;
  loaded: string[];
  /** Query string of each request, in `loaded` order. */
  queries: string[];
} {
  const { client, context } = loadClient();
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const loaded: string[] = [];
  const queries: string[] = [];
  const engine = client.createEngine("search/index/", (url, onError) => {
    const [path = "", query = ""] = url.split("?");
    const body = byPath.get(path);
    loaded.push(path);
    queries.push(query);
    setTimeout(() => {
      if (body === undefined) onError();
      else vm.runInContext(String(Buffer.from(body)), context, { filename: url });
    }, delay(path));
  });
  return { engine, client, loaded, queries };
}
