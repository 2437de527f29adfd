import { createRng, mixSeed, type Rng } from "./rng.js";
import { FAMILY_NAMES, GIVEN_NAMES, JUNK_AUTHORS } from "./vocabulary.js";

/** Python's `repr` of one str: single quotes unless the text holds `'` and no `"`. */
export function pythonStr(text: string): string {
  const useDouble = text.includes("'") && !text.includes('"');
  const quote = useDouble ? '"' : "'";
  const escaped = text.replace(/\\/g, "\\\\").replace(useDouble ? /"/g : /'/g, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** Python's `repr` of a list of str, as newspaper3k writes the authors line. */
export function pythonList(items: readonly string[]): string {
  return `[${items.map(pythonStr).join(", ")}]`;
}

/** The author pool: a deterministic name for each index, about N/5 of them for N articles. */
export class AuthorPool {
  readonly size: number;
  readonly #seed: number;

  constructor(articles: number, seed: number) {
    this.size = Math.max(20, Math.round(articles / 5));
    this.#seed = seed;
  }

  /** The name of author `index`; a middle initial keeps large pools mostly distinct. */
  name(index: number): string {
    const rng = createRng(mixSeed(this.#seed ^ 0x5eed, index));
    const given = rng.pick(GIVEN_NAMES);
    const family = rng.pick(FAMILY_NAMES);
    if (this.size < 2000 || rng.chance(0.2)) return `${given} ${family}`;
    return `${given} ${String.fromCharCode(65 + rng.int(0, 25))}. ${family}`;
  }

  /** 0–4 bylines, skewed so some authors write hundreds of pieces and most write a few. */
  byline(rng: Rng): string[] {
    const roll = rng.next();
    const count = roll < 0.3 ? 0 : roll < 0.8 ? 1 : roll < 0.93 ? 2 : roll < 0.98 ? 3 : 4;
    const names = new Set<string>();
    for (let i = 0; i < count; i++) names.add(this.name(rng.skewed(this.size, 1.6)));
    return [...names];
  }
}

/** A scraped byline polluted with UI text, as newspaper3k sometimes produces. */
export function junkByline(rng: Rng, real: readonly string[]): string[] {
  return [...real, rng.pick(JUNK_AUTHORS)];
}
