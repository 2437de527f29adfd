import { cleanArticle } from "../clean/clean-article.js";
import { bodySignature, groupNearDuplicates } from "../clean/near-duplicates.js";
import { createProfileBuilder } from "../clean/profile.js";
import type { Article } from "../core/types.js";

/**
 * Cleans every article against what the corpus as a whole teaches (site names, boilerplate lines)
 * and finds groups of near-identical bodies, as indexes into the returned list. `raw` keeps the
 * scraped text as it is and merges nothing.
 */
export function cleanAll(
  articles: readonly Article[],
  raw: boolean,
): { cleaned: Article[]; nearDuplicates: number[][] } {
  if (raw) return { cleaned: [...articles], nearDuplicates: [] };
  const builder = createProfileBuilder();
  for (const article of articles) builder.add(article);
  const profile = builder.finish();
  const cleaned = articles.map((article) => cleanArticle(article, profile));
  const nearDuplicates = groupNearDuplicates(
    cleaned.map((article, id) => ({ id, signature: bodySignature(article) })),
  );
  return { cleaned, nearDuplicates };
}
