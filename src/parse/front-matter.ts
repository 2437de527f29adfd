import matter from "gray-matter";
import type { Article, Change, PublishedDate } from "../core/types.js";
import { finishArticle } from "./article.js";
import type { FileDiagnostics } from "./diagnostics.js";
import { quote } from "./diagnostics.js";
import { parsePublished } from "./published.js";
import { repairText } from "./repair-text.js";

const refuse = (): never => {
  throw new Error("only YAML and JSON front matter is supported");
};
/** Passing options also turns off gray-matter's unbounded cache; JS engines would eval input. */
const OPTIONS = { engines: { js: refuse, javascript: refuse, coffee: refuse } };

type Data = Record<string, unknown>;

/** A YAML error's 0-based line counts from the rest of the opening `---` line, file line 1. */
function yamlErrorLine(error: unknown): number {
  const mark = (error as { mark?: { line?: unknown } }).mark;
  return typeof mark?.line === "number" ? mark.line + 1 : 1;
}

function firstString(data: Data, keys: readonly string[]): string {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return "";
}

/** The date as written: YAML turns bare timestamps into UTC Dates, losing the writer's day. */
function rawDate(data: Data, block: string): string {
  const value = data.date;
  if (value instanceof Date) {
    const line = /^date[ \t]*:[ \t]*["']?([^"'\n#]*)/m.exec(block);
    return line?.[1]?.trim() ?? value.toISOString();
  }
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** File line of a top-level key in the front matter block (which starts on line 1). */
function keyLine(block: string, keys: readonly string[]): number {
  for (const key of keys) {
    const at = new RegExp(`^${key}[ \t]*:`, "m").exec(block)?.index;
    if (at !== undefined) return lineCount(block.slice(0, at));
  }
  return 1;
}

function authorsOf(data: Data, changes: Change[]): string[] {
  const value = data.authors ?? data.author;
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const authors: string[] = [];
  for (const item of list) {
    if (typeof item !== "string") continue;
    const repaired = repairText(item, "authors");
    changes.push(...repaired.changes);
    if (repaired.text !== "") authors.push(repaired.text);
  }
  return authors;
}

function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** Parses a Markdown file with optional YAML front matter (`url`, `authors`, `date`, `title`). */
export function parseFrontMatter(
  text: string,
  file: string,
  contentHash: string,
  changes: Change[],
  diagnostics: FileDiagnostics,
): Article | null {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, OPTIONS);
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason ?? (error as Error).message;
    diagnostics.error(
      yamlErrorLine(error),
      "parse/front-matter",
      `The front matter is not valid YAML: ${String(reason)}. Fix it or remove the block between the \`---\` lines.`,
    );
    return null;
  }
  const data = parsed.data as Data;
  const url = repairText(firstString(data, ["url", "link", "source"]), "url");
  const title = repairText(firstString(data, ["title"]), "title");
  const block = parsed.matter ?? "";
  const dateText = rawDate(data, block);
  const date = parsePublished(dateText);
  if (!date.ok) {
    diagnostics.warn(
      keyLine(block, ["date"]),
      "parse/bad-date",
      `Date ${quote(dateText)} is not usable: ${date.error}.`,
    );
  }
  const published: PublishedDate | null = date.ok ? date.published : null;
  if (url.text === "") {
    diagnostics.warn(
      1,
      "parse/missing-url",
      "The front matter has no `url`; the article will not link to a source.",
    );
  }
  const authors = authorsOf(data, changes);
  const markdown = repairText(parsed.content, "markdown");
  changes.push(...url.changes, ...title.changes, ...markdown.changes);
  const bodyLine = lineCount(text.slice(0, text.length - parsed.content.length));
  return finishArticle(
    {
      file,
      contentHash,
      url: url.text,
      urlLine: keyLine(block, ["url", "link", "source"]),
      authors,
      published,
      title: title.text,
      titleLine: keyLine(block, ["title"]),
      body: { kind: "markdown", markdown: markdown.text },
      bodyLine,
      changes,
    },
    diagnostics,
  );
}
