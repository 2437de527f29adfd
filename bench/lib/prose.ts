import type { Rng } from "./rng.js";
import { CONTENT_WORDS, FUNCTION_WORDS, ORGANISATIONS, PLACES } from "./vocabulary.js";

const SYLLABLES = "ba ri to ken mar sel do vin la pro ter nu ca gen mi sta ho lem par qui".split(
  " ",
);

/** A rare made-up word, so the corpus has a long vocabulary tail like real text. */
function rareWord(rng: Rng): string {
  let word = "";
  for (let i = rng.int(2, 4); i > 0; i--) word += rng.pick(SYLLABLES);
  return word;
}

function word(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.46) return FUNCTION_WORDS[rng.skewed(FUNCTION_WORDS.length, 1.8)] as string;
  if (roll < 0.9) return CONTENT_WORDS[rng.skewed(CONTENT_WORDS.length, 1.4)] as string;
  if (roll < 0.93) return rng.pick(PLACES);
  if (roll < 0.95) return rng.pick(ORGANISATIONS);
  if (roll < 0.97) return String(rng.int(2, 950));
  return rareWord(rng);
}

/** One sentence of `count` words; some are quotes attributed to a person, as in news copy. */
export function sentence(rng: Rng, count: number, speaker: string): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let w = word(rng);
    if (i > 3 && i < count - 2 && rng.chance(0.07)) w += ",";
    words.push(w);
  }
  const first = words[0] as string;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  const text = words.join(" ");
  if (rng.chance(0.12)) return `"${text}," ${speaker} said.`;
  if (rng.chance(0.03)) return `“${text},” ${speaker} said.`;
  return `${text}.`;
}

/** A paragraph of about `count` words in sentences of 8–32 words. */
export function paragraph(rng: Rng, count: number, speaker: string): string {
  const sentences: string[] = [];
  let left = count;
  while (left > 0) {
    const n = Math.min(left, rng.int(8, 32));
    sentences.push(sentence(rng, Math.max(n, 3), speaker));
    left -= n;
  }
  return sentences.join(" ");
}

/** A news body: 400–1,200 words in 3–15 paragraphs. */
export function body(rng: Rng, speaker: string): string[] {
  const total = rng.int(400, 1200);
  const count = Math.max(3, Math.min(15, Math.round(total / rng.int(50, 110))));
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i++) {
    const share = Math.round((total / count) * (0.6 + rng.next() * 0.8));
    paragraphs.push(paragraph(rng, Math.max(share, 8), speaker));
  }
  return paragraphs;
}

/** A headline of 6–14 words, title-cased the way most outlets do. */
export function headline(rng: Rng): string {
  const words: string[] = [];
  for (let i = rng.int(6, 14); i > 0; i--) {
    words.push(
      rng.chance(0.6) ? (CONTENT_WORDS[rng.skewed(CONTENT_WORDS.length)] as string) : word(rng),
    );
  }
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}

/** A URL slug from a headline: lowercase ASCII words joined by hyphens. */
export function slugOf(title: string, maxWords = 8): string {
  return title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, "")
    .split(" ")
    .filter(Boolean)
    .slice(0, maxWords)
    .join("-");
}
