import type { SiteContext } from "../render/pages/common.js";
import {
  analyzeArticles,
  type CleanMode,
  cleanFiles,
  learnFiles,
  type RenderItem,
  renderArticles,
  type TaskFile,
  type TemplateSource,
} from "./tasks.js";

/** Worker-thread entry points: one argument each, as the pool sends them. */
export function learn(files: readonly TaskFile[]) {
  return learnFiles(files);
}

export function clean(args: { files: readonly TaskFile[]; mode: CleanMode }) {
  return cleanFiles(args.files, args.mode);
}

export function render(args: {
  items: readonly RenderItem[];
  mode: CleanMode;
  site: SiteContext;
  templates: TemplateSource;
}) {
  return renderArticles(args.items, args.mode, args.site, args.templates);
}

export function analyze(args: { items: readonly RenderItem[]; mode: CleanMode }) {
  return analyzeArticles(args.items, args.mode);
}
