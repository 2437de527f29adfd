import { join } from "node:path";
import * as pagefind from "pagefind";
import type { SearchDoc } from "../../src/render/search/analyze.js";
import type { NodeEngine } from "./libraries.js";

/** Pagefind through its Node API, one custom record per article. */
export async function buildPagefind(docs: SearchDoc[], dir: string): Promise<NodeEngine> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  for (const d of docs) {
    const filters: Record<string, string[]> = { author: d.authors };
    if (d.source) filters.source = [d.source];
    if (d.year !== null) filters.year = [String(d.year)];
    await index.addCustomRecord({
      url: `/${d.path}`,
      content: `${d.title}\n${d.authors.join(", ")}\n${d.text}`,
      language: "en",
      meta: { title: d.title, date: d.date ?? "", source: d.source ?? "" },
      filters,
    });
  }
  await index.writeFiles({ outputPath: join(dir, "pagefind") });
  await pagefind.close();
  return {
    name: "Pagefind 1.6 (Node API)",
    note: "queries run in the browser only (WebAssembly + fetch); measured in Chromium",
  };
}
