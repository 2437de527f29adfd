/** A parsed Python list of strings, or where and why parsing stopped. */
export type PythonListResult =
  | { readonly ok: true; readonly items: readonly string[] }
  | { readonly ok: false; readonly error: string };

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  a: "\u0007",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

class ListSyntaxError extends Error {}

const BACKSLASH = 0x5c;

/** Reads one quoted string starting at `pos` (the quote); returns it and the index after it. */
function readString(src: string, pos: number): [string, number] {
  const quote = src.charCodeAt(pos);
  let out = "";
  let i = pos + 1;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === quote) return [out, i + 1];
    if (c !== BACKSLASH) {
      let end = i + 1;
      while (end < src.length && src.charCodeAt(end) !== quote && src.charCodeAt(end) !== BACKSLASH)
        end++;
      out += src.slice(i, end);
      i = end;
      continue;
    }
    const esc = src[i + 1] ?? "";
    const simple = SIMPLE_ESCAPES[esc];
    const hexLength = HEX_LENGTH[esc];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (hexLength !== undefined) {
      const digits = src.slice(i + 2, i + 2 + hexLength);
      const cp = Number.parseInt(digits, 16);
      if (digits.length !== hexLength || !HEX.test(digits) || cp > 0x10ffff) {
        throw new ListSyntaxError(`bad \\${esc} escape at column ${i + 1}`);
      }
      out += String.fromCodePoint(cp);
      i += 2 + hexLength;
    } else {
      // Python keeps unknown escapes such as `\d` as written.
      out += `\\${esc}`;
      i += 2;
    }
  }
  throw new ListSyntaxError(`unterminated string starting at column ${pos + 1}`);
}

function skipSpaces(src: string, pos: number): number {
  let i = pos;
  while (i < src.length && (src[i] === " " || src[i] === "\t")) i++;
  return i;
}

function parseItems(src: string): string[] {
  if (src.includes("\n")) throw new ListSyntaxError("it spans more than one line");
  let i = skipSpaces(src, 0);
  if (src[i] !== "[") throw new ListSyntaxError("it does not start with `[`");
  const items: string[] = [];
  i = skipSpaces(src, i + 1);
  while (src[i] !== "]") {
    if (src[i] === "u" || src[i] === "U") i++;
    if (src[i] !== "'" && src[i] !== '"') {
      throw new ListSyntaxError(`expected a quoted string at column ${i + 1}`);
    }
    const [item, next] = readString(src, i);
    items.push(item);
    i = skipSpaces(src, next);
    if (src[i] === ",") i = skipSpaces(src, i + 1);
    else if (src[i] !== "]")
      throw new ListSyntaxError(`expected \`,\` or \`]\` at column ${i + 1}`);
  }
  if (skipSpaces(src, i + 1) !== src.length) {
    throw new ListSyntaxError(`unexpected text after \`]\` at column ${i + 2}`);
  }
  return items;
}

/**
 * Parses the `repr()` of a Python list of strings, as newspaper scrapers write authors:
 * both quote styles (mixed in one list), Python escapes, `u''` prefixes, trailing comma.
 */
export function parsePythonList(src: string): PythonListResult {
  try {
    return { ok: true, items: parseItems(src) };
  } catch (error) {
    if (error instanceof ListSyntaxError) return { ok: false, error: error.message };
    throw error;
  }
}
