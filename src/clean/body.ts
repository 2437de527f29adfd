import type { Change } from "../core/types.js";
import { isBuiltinBoilerplate } from "./boilerplate.js";
import { editExcerpt } from "./excerpt.js";
import { hash53 } from "./hash.js";
import { removeInvisible } from "./invisible.js";
import { closeQuoteSpaces } from "./quotes.js";
import { compact, normaliseLine } from "./text.js";

/** What cleaning made of a plain-text body. */
export interface CleanBody {
  readonly paragraphs: readonly string[];
  readonly changes: readonly Change[];
}

/** What the body is judged against. */
export interface BodyContext {
  /** Titles a first line may repeat (the cleaned title and the title as scraped). */
  readonly titles: readonly string[];
  /** `hash53` of normalised lines that repeat across the source's articles. */
  readonly boilerplate: ReadonlySet<number>;
}

/** Boilerplate lines are short; longer lines are text and skip the matching. */
const MAX_BOILERPLATE = 200;

const change = (rule: string, before: string, after: string): Change => ({
  rule,
  field: "body",
  before,
  after,
});

/** The rule that drops a line, or `null` to keep it. */
function dropRule(line: string, ctx: BodyContext): string | null {
  if (line.length >= MAX_BOILERPLATE) return null;
  const text = normaliseLine(line);
  if (!text) return "clean/blank-lines";
  if (isBuiltinBoilerplate(text)) return "clean/boilerplate";
  if (ctx.boilerplate.has(hash53(text))) return "clean/boilerplate-repeated";
  return null;
}

/**
 * Cleans scraped paragraphs line by line: removes invisible characters, closes stray spaces
 * inside quotes, drops boilerplate and blank lines and a first line that repeats the title.
 * Lines are kept or dropped whole, so a kept line keeps every word it had.
 */
export function cleanParagraphs(paragraphs: readonly string[], ctx: BodyContext): CleanBody {
  const changes: Change[] = [];
  const visible = removeInvisible(paragraphs.join("\n\n"));
  const kept: string[][] = [];
  for (const paragraph of visible.text.split(/\n\s*\n/)) {
    const lines: string[] = [];
    for (const line of paragraph.split("\n")) {
      const rule = dropRule(line, ctx);
      if (rule === "clean/blank-lines") continue;
      if (rule) {
        changes.push(change(rule, line.trim(), ""));
        continue;
      }
      const closed = closeQuoteSpaces(line);
      if (closed !== line) {
        const edit = editExcerpt(line, closed);
        changes.push(change("clean/quote-spaces", edit.before, edit.after));
      }
      lines.push(closed);
    }
    if (lines.length > 0) kept.push(lines);
  }
  const titleKeys = new Set(ctx.titles.map(compact).filter((key) => key.length > 0));
  const longest = Math.max(0, ...ctx.titles.map((t) => t.length));
  const repeatsTitle = (line: string): boolean =>
    line.length <= 2 * longest + 20 && titleKeys.has(compact(line));
  while (kept.length > 0 && repeatsTitle((kept[0] as string[])[0] as string)) {
    const first = kept[0] as string[];
    changes.push(change("clean/title-repeated", first.shift() as string, ""));
    if (first.length === 0) kept.shift();
  }
  if (visible.removed.length > 0) {
    changes.unshift(change("clean/invisible-characters", visible.removed.join(", "), ""));
  }
  return { paragraphs: kept.map((lines) => lines.join("\n")), changes };
}

/** Notes U+FFFD (a character lost before scraping) without changing the text. */
export function replacementCharacterFlag(paragraphs: readonly string[]): Change | null {
  const n = paragraphs.reduce((sum, p) => sum + (p.match(/\uFFFD/g)?.length ?? 0), 0);
  return n > 0
    ? change("clean/replacement-character", `${n} × U+FFFD`, `${n} × U+FFFD (kept)`)
    : null;
}
