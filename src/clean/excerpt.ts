/** Characters of unchanged context shown on each side of an edit. */
const CONTEXT = 24;

/**
 * The span of two texts that differs, with some context, so a change record shows the edit
 * rather than a whole paragraph: `…the " maximum pressure campaign " against…`.
 */
export function editExcerpt(before: string, after: string): { before: string; after: string } {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before[start] === after[start]) start++;
  let end = 0;
  while (end < limit - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  const from = Math.max(0, start - CONTEXT);
  const cut = (text: string): string => {
    const to = Math.min(text.length, text.length - end + CONTEXT);
    return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
  };
  return { before: cut(before), after: cut(after) };
}
