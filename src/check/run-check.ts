import { analyse } from "../build/analyse.js";
import type { BuildOptions } from "../core/types.js";
import { checkReportJson, toCheckReport } from "./check-report.js";
import { checkReportText } from "./check-text.js";

/** Output formats of `broadsheet check`. */
export type CheckFormat = "text" | "json";

/**
 * Parses the corpus without writing a site and reports every diagnostic with a summary.
 * The exit code is 1 when there is an error (or, with `strict`, any diagnostic).
 */
export async function runCheck(
  options: BuildOptions,
  format: CheckFormat,
): Promise<{ exitCode: 0 | 1; output: string }> {
  const report = toCheckReport(await analyse(options), options.strict);
  return {
    exitCode: report.ok ? 0 : 1,
    output: format === "json" ? checkReportJson(report) : checkReportText(report),
  };
}
