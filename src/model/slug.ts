import slugify from "@sindresorhus/slugify";

/** Longest slug kept, cut at a word boundary: addresses stay readable and under path limits. */
const MAX_SLUG = 80;

/** ASCII-folds text into a URL slug (`Müller & Co` → `mueller-and-co`); empty when nothing is left. */
export function toSlug(text: string): string {
  const slug = slugify(text);
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const boundary = cut.lastIndexOf("-");
  return boundary > 20 ? cut.slice(0, boundary) : slug.slice(0, MAX_SLUG);
}

/**
 * Gives every key a slug unique within one folder. Keys are visited in the given order, so the
 * caller's deterministic order decides who keeps the plain slug; later ones get `-2`, `-3`…
 * `reserved` slugs (such as `page`, used by pagination) are never handed out as they are.
 */
export function assignUniqueSlugs(
  wanted: readonly string[],
  reserved: ReadonlySet<string> = new Set(),
): string[] {
  const taken = new Set(reserved);
  return wanted.map((slug) => {
    let candidate = slug;
    for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}
