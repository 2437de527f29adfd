import { pythonList } from "./authors.js";

/** The five fields of one article before it is written in the seed layout. */
export interface ArticleFields {
  url: string;
  authors: string[];
  date: string;
  title: string;
  paragraphs: string[];
}

/** The seed layout: URL, authors repr, date, title, a one-space line, paragraphs; no final newline. */
export function serialise(f: ArticleFields): string {
  return `${f.url}\n${pythonList(f.authors)}\n${f.date}\n${f.title}\n \n${f.paragraphs.join("\n\n")}`;
}
