import type { SiteContext } from "../render/pages/common.js";
import {
  analyzeArticles,
  type CleanMode,
  cleanFiles,
  type RenderItem,
  renderArticles,
  scanFiles,
  type TaskFile,
} from "./tasks.js";

/** Worker-thread entry points: one argument each, as the pool sends them. */
export function scan(files: readonly TaskFile[]) {
  return scanFiles(files);
}

export function clean(args: { files: readonly TaskFile[]; mode: CleanMode }) {
  return cleanFiles(args.files, args.mode);
}

export function render(args: {
  items: readonly RenderItem[];
  mode: CleanMode;
  site: SiteContext;
  templatesDir: string;
}) {
  return renderArticles(args.items, args.mode, args.site, args.templatesDir);
}

export function analyze(args: { items: readonly RenderItem[]; mode: CleanMode }) {
  return analyzeArticles(args.items, args.mode);
}
