import { junkByline } from "./authors.js";
import { type ArticleFields, serialise } from "./layout.js";
import type { Rng } from "./rng.js";
import { BOILERPLATE_LINES } from "./vocabulary.js";

/** Share of articles that carry one real-world quirk. */
export const QUIRK_RATE = 0.05;

/** The quirk classes seen in real newspaper3k scrapes (see the shared corpus's QUIRKS.md). */
export const QUIRKS = [
  "mojibake",
  "entities",
  "crlf",
  "bom",
  "empty-title",
  "duplicate-url",
  "duplicate-file",
  "boilerplate",
  "junk-authors",
  "empty-body",
  "transcript",
  "invisible-chars",
  "blank-lines",
  "site-in-title",
  "wayback-url",
] as const;

/** One quirk class. */
export type Quirk = (typeof QUIRKS)[number];

/** Chooses a quirk for about `QUIRK_RATE` of articles, `null` for the rest. */
export function pickQuirk(rng: Rng): Quirk | null {
  return rng.chance(QUIRK_RATE) ? rng.pick(QUIRKS) : null;
}

/** UTF-8 text decoded as cp1252, for the few characters news copy uses most. */
const MOJIBAKE: Record<string, string> = { "—": "â€”", "’": "â€™", "“": "â€œ", é: "Ã©" };

/** Applies `quirk` to `f` and serialises it; `earlier` gives another article to duplicate. */
export function applyQuirk(
  quirk: Quirk,
  rng: Rng,
  f: ArticleFields,
  earlier: () => ArticleFields,
): string {
  const last = f.paragraphs.length - 1;
  switch (quirk) {
    case "mojibake":
      f.paragraphs[last] += " The café’s owners said the support they need—and deserve—came late.";
      f.paragraphs = f.paragraphs.map((p) => p.replace(/[—’“é]/g, (c) => MOJIBAKE[c] ?? c));
      return serialise(f);
    case "entities":
      f.title = rng.chance(0.5) ? `&quot;${f.title}&quot;` : `${f.title} &amp;amp; More`;
      f.paragraphs[0] = `Officials &amp; residents&nbsp;met. ${f.paragraphs[0]}`;
      return serialise(f);
    case "crlf":
      return serialise(f).replace(/\n/g, "\r\n");
    case "bom":
      return `\ufeff${serialise(f)}`;
    case "empty-title":
      f.title = "";
      return serialise(f);
    case "duplicate-url":
      f.url = earlier().url;
      return serialise(f);
    case "duplicate-file":
      return serialise(earlier());
    case "boilerplate":
      f.paragraphs.splice(rng.int(1, last), 0, rng.pick(BOILERPLATE_LINES));
      return serialise(f);
    case "junk-authors":
      f.authors = junkByline(rng, f.authors);
      return serialise(f);
    case "empty-body":
      f.paragraphs = [];
      return serialise(f);
    case "transcript":
      // Transcripts and bill texts run to 50,000+ characters in real scrapes.
      for (let i = 0; i < 6; i++) f.paragraphs.push(...f.paragraphs.slice(0, 12));
      return serialise(f);
    case "invisible-chars":
      f.paragraphs[0] = `${f.paragraphs[0]}\u200b \u2060 — ex\u00adtra`;
      return serialise(f);
    case "blank-lines":
      return serialise(f).replace("\n \n", "\n \n\n\n\n").concat("\n\n\n");
    case "site-in-title":
      f.title = `${f.title} - ABC News`;
      return serialise(f);
    case "wayback-url":
      f.url = `https://web.archive.org/web/2018051109${rng.int(1000, 9999)}/${f.url.replace("https://", "http://")}`;
      return serialise(f);
  }
}
