/**
 * Suffixes naming the outlet after an author (`Jim Acosta, CNN`). Only short, outlet-like tails are
 * removed, so a comma that belongs to the name (`King, Jr.`) survives.
 */
const OUTLET_TAIL =
  /,\s*(?:[A-Z]{2,6}|(?:the\s+)?[\w.&' -]{0,40}\b(?:news|press|times|post|reuters|associated press|staff|reporter|writer|correspondent|contributor|editor|journal|herald|tribune|daily|magazine|\.com)\b[\w.' -]{0,20})$/i;
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md)\.?$/i;

/** Cleans how an author name is written, without changing who it names. */
export function tidyAuthorName(name: string): string {
  let tidy = name.replace(/\s+/g, " ").trim();
  tidy = tidy.replace(/^by\s+/i, "");
  const tail = OUTLET_TAIL.exec(tidy);
  if (tail && !NAME_SUFFIX.test(tail[0].replace(/^,\s*/, ""))) tidy = tidy.slice(0, tail.index);
  return tidy.replace(/[\s,;:]+$/, "").trim();
}

/**
 * The identity of an author for grouping: case, spacing, diacritics and punctuation folded. Two
 * spellings share a key only when they differ in nothing a reader would call a different name.
 */
export function authorKey(name: string): string {
  return tidyAuthorName(name)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[.’'`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
