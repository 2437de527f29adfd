import type { BuildOptions, BuildResult } from "../core/types.js";
import { type BuildEvents, cacheDirFor } from "./analyse-inputs.js";
import { createBuildSession } from "./session.js";

export { type BuildEvents, cacheDirFor };

/**
 * Builds the site once: load → parse → clean → model → render → write. Problems in single files
 * are returned as diagnostics; a broken template or an unwritable output throws.
 */
export async function build(options: BuildOptions, events: BuildEvents = {}): Promise<BuildResult> {
  const session = createBuildSession("each-build");
  try {
    return await session.build(options, events);
  } finally {
    await session.close();
  }
}
