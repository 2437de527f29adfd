import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The shared results file and the lock every writer of it takes. */
export const RESULTS_FILE = new URL("../RESULTS.md", import.meta.url).pathname;
const LOCK = "/tmp/results.lock";

/**
 * `doc` with `text` appended at the end of the `## heading` section (created at the end of the
 * document when missing); other sections are left byte for byte as they were.
 */
export function appendToSection(doc: string, heading: string, text: string): string {
  const title = `## ${heading}`;
  const lines = doc.split("\n");
  const start = lines.findIndex((l) => l.trim() === title);
  const block = text.trim();
  if (start < 0) return `${doc.trimEnd() || "# Benchmark results"}\n\n${title}\n\n${block}\n`;
  const next = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  const end = next < 0 ? lines.length : next;
  const section = lines.slice(0, end).join("\n").trimEnd();
  const after = lines.slice(end).join("\n");
  return `${section}\n\n${block}\n${after ? `\n${after}` : ""}`;
}

/** Appends `text` to a section of RESULTS.md while holding the shared lock. */
export function recordResults(heading: string, text: string): void {
  const dir = mkdtempSync(join(tmpdir(), "bench-results-"));
  const file = join(dir, "text.md");
  writeFileSync(file, text);
  const script = new URL("../record-results.ts", import.meta.url).pathname;
  const tsx = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
  const result = spawnSync("flock", [LOCK, tsx, script, heading, file], { stdio: "inherit" });
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`could not update ${RESULTS_FILE}`);
}

/** Reads RESULTS.md, appends `text` to `heading` and writes it back; call under the lock. */
export function appendResultsUnlocked(heading: string, text: string): void {
  const doc = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, "utf8") : "";
  writeFileSync(RESULTS_FILE, appendToSection(doc, heading, text));
}
