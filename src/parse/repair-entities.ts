import { decodeHTMLStrict } from "entities";

/** Passes enough for `&amp;amp;amp;amp;nbsp;` and then some; bounded so input cannot loop. */
const MAX_PASSES = 8;

/**
 * Decodes HTML entities left in scraped text, again and again while a pass still changes
 * something, so double-escaped `&amp;quot;` becomes `"`. Strict mode needs the `;`, which
 * keeps `AT&T` and `?a=1&para=2` as written.
 */
export function decodeEntities(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES && current.includes("&"); pass++) {
    const next = decodeHTMLStrict(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
