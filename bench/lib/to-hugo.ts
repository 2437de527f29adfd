/** Converts one seed-layout article to a Hugo content file, as plainly as a user would. */

const QUOTED = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;

/** The names in a Python list repr such as `['A', "O'B"]`. */
export function parsePythonList(line: string): string[] {
  const names: string[] = [];
  for (const m of line.matchAll(QUOTED)) {
    const name = (m[1] ?? m[2] ?? "").replace(/\\(.)/g, "$1").trim();
    if (name) names.push(name);
  }
  return names;
}

/** `2018-05-10 16:46:36.5-04:00` → `2018-05-10T16:46:36-04:00`; `null` when there is no date. */
export function isoDate(line: string): string | null {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.\d+)?([+-]\d\d:\d\d)?$/.exec(line.trim());
  if (!m) return null;
  return `${m[1]}T${m[2]}${m[3] ?? ""}`;
}

/** Hugo content (JSON front matter, Markdown body) for the text of one input file. */
export function toHugoContent(text: string): string {
  const lines = text
    .replace(/^\ufeff/, "")
    .replace(/\r\n/g, "\n")
    .split("\n");
  const date = isoDate(lines[2] ?? "");
  const front: Record<string, unknown> = {
    title: (lines[3] ?? "").trim(),
    authors: parsePythonList(lines[1] ?? ""),
    source: (lines[0] ?? "").trim(),
  };
  if (date) front.date = date;
  const paragraphs = lines
    .slice(5)
    .join("\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return `${JSON.stringify(front, null, 1)}\n\n${paragraphs.join("\n\n")}\n`;
}
