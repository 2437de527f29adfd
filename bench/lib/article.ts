import type { AuthorPool } from "./authors.js";
import { type ArticleFields, serialise } from "./layout.js";
import { body, headline, slugOf } from "./prose.js";
import { applyQuirk, pickQuirk } from "./quirks.js";
import { createRng, mixSeed, type Rng } from "./rng.js";
import { type Day, SOURCES } from "./sources.js";
import { FAMILY_NAMES, GIVEN_NAMES } from "./vocabulary.js";

/** Everything shared by all articles of one corpus. */
export interface CorpusSpec {
  readonly n: number;
  readonly seed: number;
  readonly pool: AuthorPool;
}

const FIRST_DAY = Date.UTC(2005, 0, 1);
const SPAN_DAYS = 15 * 365;
const OFFSETS = ["+00:00", "+00:00", "-04:00", "+01:00", "-05:00", "-07:00", "+05:30"];
const pad = (n: number): string => String(n).padStart(2, "0");

function dayOf(rng: Rng): Day {
  const d = new Date(FIRST_DAY + rng.int(0, SPAN_DAYS) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The date line in the forms newspaper3k writes: midnight, time, offset, micros, empty, None. */
function dateLine(rng: Rng, d: Day): string {
  const date = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  const time = `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
  const roll = rng.next();
  if (roll < 0.35) return `${date} 00:00:00`;
  if (roll < 0.5) return `${date} ${time}`;
  if (roll < 0.72) return `${date} ${time}${rng.pick(OFFSETS)}`;
  if (roll < 0.75) return `${date} ${time}.${rng.int(100, 999)}000+00:00`;
  return roll < 0.95 ? "" : "None";
}

/** The clean fields of article `index`; each index has its own random stream. */
export function articleFields(spec: CorpusSpec, index: number): ArticleFields {
  const rng = createRng(mixSeed(spec.seed, index));
  const source = SOURCES[index % SOURCES.length] ?? SOURCES[0];
  const day = dayOf(rng);
  const title = headline(rng);
  const authors = spec.pool.byline(rng);
  const speaker = `${rng.pick(GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}`;
  const paragraphs = body(rng, speaker);
  paragraphs[0] = `${source?.dateline ?? ""}${paragraphs[0]}`;
  const url = source ? source.url(rng, day, slugOf(title)) : "";
  return { url, authors, date: dateLine(rng, day), title, paragraphs };
}

/** File name in the seed layout: 7-digit index and 16 hex digits. */
export function fileName(spec: CorpusSpec, index: number): string {
  const hex = createRng(mixSeed(spec.seed ^ 0xf11e, index)).hex(16);
  return `${String(index).padStart(7, "0")}_${hex}.txt`;
}

/** The full text of article `index`, about 5% of them carrying one real-world quirk. */
export function articleText(spec: CorpusSpec, index: number): string {
  const rng = createRng(mixSeed(spec.seed ^ 0x9e1c, index));
  const quirk = pickQuirk(rng);
  const fields = articleFields(spec, index);
  if (quirk === null) return serialise(fields);
  const earlier = index > 0 ? rng.int(Math.max(0, index - 500), index - 1) : 0;
  return applyQuirk(quirk, rng, fields, () => articleFields(spec, earlier));
}
