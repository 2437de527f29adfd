/** Whitespace, including NBSP, zero-width characters, BOM and soft hyphen. */
const BLANKISH = /^[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]*$/;

/** True for a line that shows nothing: empty, spaces, NBSP or zero-width characters only. */
export function isBlankish(line: string): boolean {
  return BLANKISH.test(line);
}

/** Paragraphs of a body and the 0-based index of the line the first one starts on. */
export interface SplitBody {
  readonly paragraphs: string[];
  readonly firstLine: number;
}

/**
 * Splits plain-text lines into paragraphs at blank-ish lines. Trailing whitespace is
 * trimmed from each line; single line breaks inside a paragraph are kept as `\n`.
 */
export function splitParagraphs(lines: readonly string[]): SplitBody {
  const paragraphs: string[] = [];
  let firstLine = -1;
  let current: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isBlankish(line)) {
      if (current.length > 0) paragraphs.push(current.join("\n"));
      current = [];
      continue;
    }
    if (firstLine < 0) firstLine = i;
    current.push(line.trimEnd());
  }
  if (current.length > 0) paragraphs.push(current.join("\n"));
  return { paragraphs, firstLine: Math.max(firstLine, 0) };
}
