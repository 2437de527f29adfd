import path from "node:path";
import type { BuildOptions, Diagnostic } from "../core/types.js";
import { buildArchive } from "../model/archive.js";
import { toRecord } from "../model/record.js";
import { analyseInputs } from "./build.js";

/** What `check` reports about a corpus. */
export interface Analysis {
  readonly files: number;
  readonly articles: number;
  readonly duplicates: number;
  readonly undated: number;
  readonly repairedEncodings: number;
  readonly heldBack: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses, cleans and models a corpus without writing anything. */
export async function analyse(options: BuildOptions): Promise<Analysis> {
  const out = path.resolve(options.out);
  const { files, articles, diagnostics, nearDuplicates } = await analyseInputs(options, out);
  const { archive, diagnostics: model } = buildArchive(articles.map(toRecord), {
    includeSuspect: options.includeSuspect,
    nearDuplicates,
  });
  return {
    files,
    articles: archive.entries.length,
    duplicates: archive.omitted.filter((o) => o.keptPath !== null).length,
    undated: archive.undated.length,
    repairedEncodings: articles.filter((a) =>
      a.changes.some(
        (c) => c.rule.startsWith("repair/mojibake") || c.rule.startsWith("repair/encoding"),
      ),
    ).length,
    heldBack: archive.omitted.filter((o) => o.keptPath === null).length,
    diagnostics: [...diagnostics, ...model],
  };
}
