/** Zero-width characters, soft hyphen, BOM, and C0/C1 controls other than tab and newline. */
export const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control bytes are what cleaning removes
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Lower-cased line with invisible characters removed and whitespace collapsed, for matching. */
export function normaliseLine(line: string): string {
  return line.replace(INVISIBLE, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Letters and digits only, lower-cased and without accents: `Elle.Com` → `ellecom`. */
export function compact(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** The letters and digits of a text in order; cleaning a kept line must not change them. */
export function letterContent(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, "");
}
