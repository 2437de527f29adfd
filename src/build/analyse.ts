import path from "node:path";
import type { BuildOptions, Diagnostic } from "../core/types.js";
import { buildArchive } from "../model/archive.js";
import { analyseInputs } from "./analyse-inputs.js";
import { createRunner } from "./pool.js";

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
  const runner = createRunner(options.workers);
  try {
    const { found, records, diagnostics, nearDuplicates } = await analyseInputs(
      options,
      out,
      runner,
    );
    const { archive, diagnostics: model } = buildArchive(records, {
      includeSuspect: options.includeSuspect,
      nearDuplicates,
    });
    return {
      files: found,
      articles: archive.entries.length,
      duplicates: archive.omitted.filter((o) => o.keptPath !== null).length,
      undated: archive.undated.length,
      repairedEncodings: records.filter((r) => r.repairedEncoding).length,
      heldBack: archive.omitted.filter((o) => o.keptPath === null).length,
      diagnostics: [...diagnostics, ...model],
    };
  } finally {
    await runner.close();
  }
}
