import type { Article } from "../../src/core/types.js";
import { countWords, readingMinutes } from "../../src/parse/words.js";

/** A parsed article with plain-text paragraphs, for cleaning tests. */
export function makeArticle(over: Partial<Article> & { paragraphs?: string[] } = {}): Article {
  const { paragraphs, ...rest } = over;
  const body = rest.body ?? {
    kind: "text" as const,
    paragraphs: paragraphs ?? ["Some body text here."],
  };
  const words = countWords(body.kind === "text" ? body.paragraphs.join("\n\n") : body.markdown);
  return {
    file: "in/00001.txt",
    bodyLine: 6,
    url: "https://www.example.com/2018/05/31/story",
    link: "https://www.example.com/2018/05/31/story",
    urlKey: "example.com/2018/05/31/story",
    domain: "example.com",
    section: null,
    authors: [],
    published: null,
    title: "A headline",
    titleDerived: false,
    wordCount: words,
    readingMinutes: readingMinutes(words),
    contentHash: "0".repeat(64),
    changes: [],
    publisher: null,
    suspect: null,
    ...rest,
    body,
  };
}

/** A body of `n` distinct words, long enough not to count as near-empty. */
export function prose(n: number, seed = 0): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`w${((i + 1) * 2654435761 + seed * 97) % 1000003}`);
  return out.join(" ");
}
