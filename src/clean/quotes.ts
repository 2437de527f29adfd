/** Characters that may stand before an opening quote or after a closing one. */
const BEFORE_OPEN = /[\s([{—–-]/;
const AFTER_CLOSE = /[\s)\]}.,;:!?—–-]/;

function closeStraight(line: string): string {
  if (!line.includes('"')) return line;
  const at: number[] = [];
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) at.push(i);
  if (at.length < 2 || at.length % 2 !== 0) return line;
  for (let k = 0; k < at.length; k += 2) {
    const open = at[k] as number;
    const close = at[k + 1] as number;
    if (open > 0 && !BEFORE_OPEN.test(line[open - 1] as string)) return line;
    if (close < line.length - 1 && !AFTER_CLOSE.test(line[close + 1] as string)) return line;
    if (!line.slice(open + 1, close).trim()) return line;
  }
  let out = "";
  let from = 0;
  for (let k = 0; k < at.length; k += 2) {
    const open = at[k] as number;
    const close = at[k + 1] as number;
    out += `${line.slice(from, open)}"${line.slice(open + 1, close).trim()}"`;
    from = close + 1;
  }
  return out + line.slice(from);
}

function closeCurly(line: string): string {
  if (!line.includes("“")) return line;
  let depth = 0;
  for (const ch of line) {
    if (ch === "“") depth++;
    else if (ch === "”") depth--;
    if (depth < 0 || depth > 1) return line;
  }
  if (depth !== 0) return line;
  return line.replace(/“[ \t\u00a0]+(?=\S)/g, "“").replace(/(?<=\S)[ \t\u00a0]+”/g, "”");
}

/**
 * Closes stray spaces just inside balanced double quotes: `" maximum pressure campaign "` →
 * `"maximum pressure campaign"`, `“ ‘White’` → `“‘White’`. A line whose quotes do not pair
 * up cleanly is left as it is, since there is no telling which space is stray.
 */
export function closeQuoteSpaces(line: string): string {
  return closeCurly(closeStraight(line));
}
