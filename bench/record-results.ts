/**
 * Appends a Markdown file to one section of bench/RESULTS.md. Run it under the shared lock:
 * flock /tmp/results.lock npx tsx bench/record-results.ts "Build benchmark" <file.md>
 */
import { readFileSync } from "node:fs";
import { appendResultsUnlocked } from "./lib/results-file.js";

const [heading, file] = process.argv.slice(2);
if (!heading || !file) {
  process.stderr.write(
    "usage: flock /tmp/results.lock npx tsx bench/record-results.ts <heading> <file>\n",
  );
  process.exitCode = 2;
} else {
  appendResultsUnlocked(heading, readFileSync(file, "utf8"));
}
