import type { Article } from "../core/types.js";

const TARGET = 160;
const LIMIT = 300;

/** The first sentences of an article's body, about 160 characters, for descriptions and feeds. */
export function summarize(article: Article): string {
  const text =
    article.body.kind === "text"
      ? article.body.paragraphs.slice(0, 3).join(" ")
      : article.body.markdown.slice(0, 2000).replace(/[#>*_`[\]()!|-]+/g, " ");
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= TARGET) return flat;
  const sentences = flat.match(/[^.!?]+[.!?]+["'”’)]*\s*/g) ?? [];
  let out = "";
  for (const sentence of sentences) {
    if (out.length >= TARGET) break;
    out += sentence;
  }
  out = out.trim();
  if (out.length >= 40 && out.length <= LIMIT) return out;
  const cut = flat.slice(0, LIMIT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 200))}…`;
}
