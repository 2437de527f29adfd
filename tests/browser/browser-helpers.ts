import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { AxeResults, RunOptions } from "axe-core";
import type { Page } from "playwright-core";
import { ROOT } from "../helpers.js";

export { launchChromium } from "../serve/browser.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
};

/** A static file server started by `serveStatic`. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Serves the files under `root` on 127.0.0.1 at a free port; `/dir/` answers with its index.html. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    try {
      // Refuse `..` escapes so a test can never read outside the built site.
      if (!file.startsWith(root + path.sep)) throw new Error("outside root");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * Runs axe-core (all rules, or only `rules`) on the loaded page; one line per violating node
 * ("rule: selector").
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
  const results = await page.evaluate(
    (only) =>
      (window as unknown as { axe: { run(options: RunOptions): Promise<AxeResults> } }).axe.run({
        resultTypes: ["violations"],
        ...(only ? { runOnly: { type: "rule", values: only } } : {}),
      }),
    rules,
  );
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/** Checks HTML files with the Nu Html Checker in a single JVM; one line per error ("file:line message"). */
export function vnuErrors(files: string[]): Promise<string[]> {
  const jar = path.join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");
  return new Promise((resolve, reject) => {
    const child = spawn("java", ["-jar", jar, "--errors-only", "--format", "json", ...files]);
    let report = "";
    child.stdout.on("data", (chunk: Buffer) => {
      report += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      report += chunk;
    });
    child.on("error", reject);
    child.on("close", () => {
      try {
        const { messages } = JSON.parse(report) as { messages: VnuMessage[] };
        resolve(messages.map((m) => `${m.url ?? "?"}:${m.lastLine ?? "?"} ${m.type} ${m.message}`));
      } catch {
        reject(new Error(`vnu printed no JSON report: ${report.slice(0, 500)}`));
      }
    });
  });
}
