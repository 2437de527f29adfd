import type { Element, ElementContent, Root } from "hast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Body } from "../core/types.js";

/** Bare web addresses in scraped text; trailing punctuation is trimmed off afterwards. */
const URL_PATTERN = /https?:\/\/[^\s<>"'\u00a0]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"’”]+$/;
const LINK_REL = "nofollow noopener noreferrer";

const stringifier = unified().use(rehypeStringify);
const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify);

/**
 * Renders an article body to HTML. Scraped text is not Markdown (`2018. The year…` is no list), so
 * its syntax tree is built directly from the paragraphs: every character stays text, which makes
 * it safe by construction and skips a Markdown parse. Markdown inputs go through remark with
 * sanitising on.
 */
export function renderBody(body: Body): string {
  if (body.kind === "markdown") return String(markdownProcessor.processSync(body.markdown));
  const tree: Root = { type: "root", children: [] };
  for (const paragraph of body.paragraphs) {
    tree.children.push({ type: "text", value: "\n" }, paragraphElement(paragraph));
  }
  return stringifier.stringify(tree).trimStart();
}

function paragraphElement(text: string): Element {
  const children: ElementContent[] = [];
  text.split("\n").forEach((line, i) => {
    if (i > 0) children.push({ type: "element", tagName: "br", properties: {}, children: [] });
    children.push(...linkify(line));
  });
  return { type: "element", tagName: "p", properties: {}, children };
}

/** Splits a line into text and links for the http(s) addresses it holds. */
export function linkify(line: string): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING_PUNCTUATION, "");
    const start = match.index;
    if (!isWebUrl(raw)) continue;
    if (start > last) out.push({ type: "text", value: line.slice(last, start) });
    out.push({
      type: "element",
      tagName: "a",
      properties: { href: raw, rel: LINK_REL.split(" ") },
      children: [{ type: "text", value: raw }],
    });
    last = start + raw.length;
  }
  if (last < line.length) out.push({ type: "text", value: line.slice(last) });
  return out;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}
