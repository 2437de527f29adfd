import { markBuildError } from "../core/errors.js";
import type { ReadAhead } from "../load/read-ahead.js";
import type { PageSpec, SiteContext } from "../render/pages/common.js";
import { changedOutputs, type RecordedFile, type Staging } from "../write/output.js";
import type { SpoolRef } from "./spool.js";
import {
  analyzeArticles,
  type CleanMode,
  cleanFiles,
  learnFiles,
  type RenderItem,
  renderArticles,
  renderPages,
  type TaskFile,
  type TemplateSource,
} from "./tasks.js";

/** Runs a task, marking user-facing errors so they keep their meaning in the main thread. */
async function guarded<T>(task: () => T | Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw markBuildError(error);
  }
}

/** Worker-thread entry points: one argument each, as the pool sends them. */
export function learn(args: {
  files: readonly TaskFile[];
  ahead: ReadAhead | null;
  spool: string | null;
}) {
  return guarded(() => learnFiles(args.files, args.ahead, args.spool));
}

export function clean(args: {
  files: readonly TaskFile[];
  mode: CleanMode;
  spool: string | null;
  parsed: readonly (SpoolRef | null)[];
}) {
  return guarded(() => cleanFiles(args.files, args.mode, args.spool, args.parsed));
}

export function render(args: {
  items: readonly RenderItem[];
  mode: CleanMode;
  site: SiteContext;
  templates: TemplateSource;
  staging: Staging | null;
}) {
  return guarded(() =>
    renderArticles(args.items, args.mode, args.site, args.templates, args.staging),
  );
}

export function analyze(args: { items: readonly RenderItem[]; mode: CleanMode }) {
  return guarded(() => analyzeArticles(args.items, args.mode));
}

export function pages(args: {
  specs: readonly PageSpec[];
  templates: TemplateSource;
  staging: Staging | null;
  previous: readonly (string | null)[];
}) {
  return guarded(() => renderPages(args.specs, args.templates, args.staging, args.previous));
}

export function outputs(args: { out: string; files: readonly RecordedFile[] }) {
  return guarded(() => changedOutputs(args.out, args.files));
}
