import { INVISIBLE } from "./text.js";

const NAMES: Readonly<Record<string, string>> = {
  "\u00ad": "soft hyphen",
  "\u200b": "zero-width space",
  "\u200c": "zero-width non-joiner",
  "\u200d": "zero-width joiner",
  "\u2060": "word joiner",
  "\ufeff": "byte order mark",
};

/** Invisible characters removed from a text, and a readable tally of them. */
export interface InvisibleRemoval {
  readonly text: string;
  /** E.g. `2 × U+00AD soft hyphen`; empty when nothing was removed. */
  readonly removed: readonly string[];
}

/**
 * Removes zero-width characters, soft hyphens, stray BOMs and control bytes. Zero-width
 * joiners inside emoji sequences are kept, since they build the emoji.
 */
export function removeInvisible(text: string): InvisibleRemoval {
  const tally = new Map<string, number>();
  const cleaned = text.replace(INVISIBLE, (ch: string, offset: number) => {
    if (
      ch === "\u200d" &&
      /\p{Extended_Pictographic}/u.test(text.slice(Math.max(0, offset - 2), offset + 3))
    ) {
      return ch;
    }
    tally.set(ch, (tally.get(ch) ?? 0) + 1);
    return "";
  });
  const removed = [...tally].map(([ch, n]) => {
    const code = ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0");
    return `${n} × U+${code} ${NAMES[ch] ?? "control character"}`;
  });
  return { text: cleaned, removed };
}
