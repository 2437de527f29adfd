import { cp1252ForC1 } from "./cp1252.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is the point
const C0 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const C1 = /[\u0080-\u009f]/g;

/** Removes C0 control characters (tab and line ends stay) and DEL, which no page can show. */
export function stripControls(text: string): string {
  C0.lastIndex = 0;
  return C0.test(text) ? text.replace(C0, "") : text;
}

/**
 * Turns C1 controls U+0080-U+009F into the cp1252 characters they stand for (U+0097 → `—`):
 * they appear when cp1252 text was read as Latin-1. Run after mojibake repair, which needs
 * them as bytes; the five bytes cp1252 leaves undefined are dropped.
 */
export function repairC1Controls(text: string): string {
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (ch) => cp1252ForC1(ch.charCodeAt(0))) : text;
}
