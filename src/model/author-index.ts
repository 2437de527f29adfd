import type { AuthorRef } from "../core/types.js";
import { authorKey, tidyAuthorName } from "./author-key.js";
import { assignUniqueSlugs, toSlug } from "./slug.js";

const NO_AUTHORS: readonly AuthorRef[] = [];

/**
 * Learns every author's display spelling and a unique page slug, then maps author lists to
 * references.
 */
export function createAuthorIndex(
  names: Iterable<string>,
): (list: readonly string[]) => readonly AuthorRef[] {
  // Names repeat across an archive's articles (its staff), and their key and tidy spelling are
  // a handful of regular expressions each: worked out once per distinct name, modelling the
  // benchmark's 100,000 articles took about 0.3 s less (bench/model-archive.ts).
  const read = new Map<string, { readonly key: string; readonly shown: string }>();
  const readName = (name: string) => {
    let known = read.get(name);
    if (known === undefined) {
      known = { key: authorKey(name), shown: tidyAuthorName(name) };
      read.set(name, known);
    }
    return known;
  };
  const spellings = new Map<string, Map<string, number>>();
  for (const name of names) {
    const { key, shown } = readName(name);
    if (key === "") continue;
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(shown, (counts.get(shown) ?? 0) + 1);
    spellings.set(key, counts);
  }
  const keys = [...spellings.keys()].sort();
  const slugs = assignUniqueSlugs(
    keys.map((key) => toSlug(key) || "author"),
    new Set(["page"]),
  );
  const refs = new Map<string, AuthorRef>();
  keys.forEach((key, i) => {
    const counts = spellings.get(key);
    const slug = slugs[i];
    if (counts === undefined || slug === undefined) return;
    refs.set(key, { name: pickSpelling(counts), slug });
  });
  return (list) => {
    const seen = new Set<string>();
    const out: AuthorRef[] = [];
    for (const name of list) {
      const { key } = readName(name);
      const ref = refs.get(key);
      if (ref === undefined || seen.has(key)) continue;
      seen.add(key);
      out.push(ref);
    }
    // A list grown by `push` keeps room for 16 more; the archive holds one list per article.
    return out.length === 0 ? NO_AUTHORS : out.slice();
  };
}

/** Most common spelling; on a tie, a mixed-case one over SHOUTING, then code-point order. */
function pickSpelling(counts: ReadonlyMap<string, number>): string {
  let best = "";
  let bestScore = -1;
  for (const [spelling, count] of counts) {
    const score = count * 2 + (isMixedCase(spelling) ? 1 : 0);
    if (score > bestScore || (score === bestScore && spelling < best)) {
      best = spelling;
      bestScore = score;
    }
  }
  return best;
}

function isMixedCase(text: string): boolean {
  return text !== text.toUpperCase() && text !== text.toLowerCase();
}
