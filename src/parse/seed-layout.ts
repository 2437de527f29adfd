import type { Article, Change } from "../core/types.js";
import { finishArticle } from "./article.js";
import type { FileDiagnostics } from "./diagnostics.js";
import { quote } from "./diagnostics.js";
import { isBlankish, splitParagraphs } from "./paragraphs.js";
import { parsePublished } from "./published.js";
import { parsePythonList } from "./python-list.js";
import { repairText } from "./repair-text.js";
import { isUrlLike } from "./url.js";

const LAYOUT_HINT =
  "An article file holds the source URL, the authors list, the date and the title on lines 1-4, then the body.";

function notAnArticle(diagnostics: FileDiagnostics, line: number, why: string): null {
  diagnostics.error(line, "parse/not-an-article", `${why}. ${LAYOUT_HINT}`);
  return null;
}

function parseAuthors(line: string, changes: Change[], diagnostics: FileDiagnostics): string[] {
  const text = line.trim();
  if (text === "" || text === "None") return [];
  const parsed = parsePythonList(text);
  if (!parsed.ok) {
    diagnostics.warn(
      2,
      "parse/bad-authors",
      `Authors ${quote(text)} are not a list such as \`['Ann Lee', "Conan O'Brien"]\`: ${parsed.error}. The article is kept without authors.`,
    );
    return [];
  }
  const authors: string[] = [];
  for (const item of parsed.items) {
    const repaired = repairText(item, "authors");
    changes.push(...repaired.changes);
    if (repaired.text !== "") authors.push(repaired.text);
  }
  return authors;
}

/** The first five lines, and the text after them (`null` when the file has no sixth line). */
function headerLines(text: string): { lines: string[]; rest: string | null } {
  const lines: string[] = [];
  let pos = 0;
  while (lines.length < 5) {
    const end = text.indexOf("\n", pos);
    if (end < 0) {
      lines.push(text.slice(pos));
      return { lines, rest: null };
    }
    lines.push(text.slice(pos, end));
    pos = end + 1;
  }
  return { lines, rest: text.slice(pos) };
}

/** Parses the scraper layout: URL, authors, date, title, a blank line, then the body. */
export function parseSeedLayout(
  text: string,
  file: string,
  contentHash: string,
  changes: Change[],
  diagnostics: FileDiagnostics,
): Article | null {
  if (isBlankish(text)) return notAnArticle(diagnostics, 0, "The file is empty");
  const { lines, rest } = headerLines(text);
  const url = repairText(lines[0] as string, "url");
  if (!isUrlLike(url.text)) {
    return notAnArticle(diagnostics, 1, `Line 1 ${quote(url.text)} is not a URL`);
  }
  if (lines.length < 4) {
    return notAnArticle(diagnostics, lines.length, `The file has only ${lines.length} line(s)`);
  }
  changes.push(...url.changes);
  const authors = parseAuthors(lines[1] as string, changes, diagnostics);
  const date = parsePublished(lines[2] as string);
  if (!date.ok) {
    diagnostics.warn(
      3,
      "parse/bad-date",
      `Date ${quote((lines[2] as string).trim())} is not usable: ${date.error}. Write it as \`2018-05-31 16:46:36\` or leave the line empty.`,
    );
  }
  const title = repairText(lines[3] as string, "title");
  changes.push(...title.changes);
  let start = 5;
  let bodyText = rest ?? "";
  const separator = lines[4];
  if (separator !== undefined && !isBlankish(separator)) {
    diagnostics.warn(
      5,
      "parse/missing-separator",
      "Line 5 should be blank; the body is taken to start there.",
    );
    start = 4;
    bodyText = rest === null ? separator : `${separator}\n${rest}`;
  }
  const body = repairText(bodyText, "body");
  changes.push(...body.changes);
  const split = splitParagraphs(body.text.split("\n"));
  return finishArticle(
    {
      file,
      contentHash,
      url: url.text,
      urlLine: 1,
      authors,
      published: date.ok ? date.published : null,
      title: title.text,
      titleLine: 4,
      body: { kind: "text", paragraphs: split.paragraphs },
      bodyLine: start + 1 + split.firstLine,
      changes,
    },
    diagnostics,
  );
}
