/** Characters of unchanged context kept on each side of an edit. */
const CONTEXT = 12;
/** Longest excerpt kept for one side of an edit. */
const MAX = 80;

/** Widens an edited range by some context, cut at word boundaries where there is one. */
function clip(text: string, from: number, to: number): string {
  let start = Math.max(0, from - CONTEXT);
  const space = text.indexOf(" ", start);
  if (start > 0 && space >= 0 && space < from) start = space + 1;
  let end = Math.min(text.length, to + CONTEXT);
  const lastSpace = text.lastIndexOf(" ", end - 1);
  if (end < text.length && lastSpace >= to) end = lastSpace;
  const cut = end - start > MAX ? `${text.slice(start, start + MAX - 1)}…` : text.slice(start, end);
  return (start > 0 ? "…" : "") + cut + (end < text.length && end - start <= MAX ? "…" : "");
}

/** Short before/after excerpts around the first and last difference between two texts. */
export function diffExcerpt(before: string, after: string): { before: string; after: string } {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return {
    before: clip(before, prefix, before.length - suffix),
    after: clip(after, prefix, after.length - suffix),
  };
}
