import { readFile } from "node:fs/promises";
import type { Article, Diagnostic } from "../core/types.js";
import type { InputFile } from "../load/find-inputs.js";
import { parseSource } from "../parse/parse-source.js";

/** Files read at once: enough to keep the disk busy without exhausting file handles. */
const CONCURRENCY = 32;

/** Reads and parses every input file; an unreadable file becomes an error, never a crash. */
export async function readInputs(
  files: readonly InputFile[],
  onProgress: (done: number) => void = () => undefined,
): Promise<{ articles: Article[]; diagnostics: Diagnostic[] }> {
  const results: (Article | null)[] = new Array(files.length).fill(null);
  const diagnostics: Diagnostic[] = [];
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i];
      if (file === undefined) continue;
      try {
        const bytes = await readFile(file.absolute);
        const result = parseSource({ path: file.display, bytes });
        results[i] = result.article;
        diagnostics.push(...result.diagnostics);
      } catch (error) {
        diagnostics.push({
          file: file.display,
          line: 0,
          severity: "error",
          message: `Could not read the file: ${(error as Error).message}`,
          rule: "load/unreadable",
        });
      }
      onProgress(++done);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { articles: results.filter((a): a is Article => a !== null), diagnostics };
}
