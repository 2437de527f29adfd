import type { Article, Diagnostic, SourceFile } from "../../src/core/types.js";
import { decodeCp1252 } from "../../src/parse/decode-text.js";
import { parseSource } from "../../src/parse/parse-source.js";

/** A source file holding `text` as UTF-8. */
export function sourceFile(text: string, path = "articles/a.txt"): SourceFile {
  return { path, bytes: new TextEncoder().encode(text) };
}

/** Diagnostics as `severity rule @line`, for compact assertions. */
export const rules = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.severity} ${d.rule} @${d.line}`);

/** Parses a file that must yield an article. */
export function parsed(file: SourceFile): { article: Article; diagnostics: readonly Diagnostic[] } {
  const { article, diagnostics } = parseSource(file);
  if (!article) throw new Error(JSON.stringify(diagnostics));
  return { article, diagnostics };
}

/** What a UTF-8 text looks like after being read as Windows-1252. */
export function mojibake(text: string): string {
  return decodeCp1252(new TextEncoder().encode(text));
}

/** A seed-layout file from its parts; `body` lines follow the blank line 5. */
export function seedText(parts: {
  url?: string;
  authors?: string;
  date?: string;
  title?: string;
  body?: string;
}): string {
  return [
    parts.url ?? "https://www.cnn.com/2018/05/31/asia/sergey-lavrov-north-korea-intl/index.html",
    parts.authors ?? "['Steve George']",
    parts.date ?? "2018-05-31 00:00:00",
    parts.title ?? "Russian foreign minister meets Kim Jong Un, calls for lifting of sanctions",
    " ",
    parts.body ??
      "(CNN) Russia's Foreign Minister Sergey Lavrov met with North Korean leader Kim Jong Un.",
  ].join("\n");
}

/** Correctly encoded text in many scripts, none of which any repair may touch. */
export const CORRECT_WORDS = [
  "café",
  "naïve",
  "Müller",
  "Ελληνικά",
  "Русский",
  "中文",
  "日本語",
  "한국어",
  "עברית",
  "العربية",
  "🇷🇺🇰🇵",
  "😴",
  "👩‍👩‍👧",
  "—",
  "–",
  "“quoted”",
  "it’s",
  "…",
  "£5",
  "€10",
  "©",
  "½",
  "°C",
  "×",
  "ÃO",
  "SÃO",
  "JOSÉ’S",
  "Straße“",
  "CAFÉ\u00a0»",
  "Ñ",
  "ÆØÅ",
  "Øre",
  "Ærø",
  "Þór",
  "Ðiện",
  "ĐÀ NẴNG",
  "Tiếng Việt",
  "Smørrebrød",
  "façade",
  "piñata",
  "AT&T",
  "x",
  "The",
  "and",
  "2018",
  "—and",
  "naïveté",
];
