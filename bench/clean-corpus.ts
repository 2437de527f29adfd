/**
 * Measures what cleaning does to a folder of scraped articles:
 * `npx tsx bench/clean-corpus.ts /work/shared/corpus/real [--samples N]`.
 * Prints a Markdown table, then (with --samples) a seeded random sample of decisions to check.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanArticle } from "../src/clean/clean-article.js";
import {
  bodySignature,
  DEFAULT_THRESHOLD,
  groupNearDuplicates,
} from "../src/clean/near-duplicates.js";
import { createProfileBuilder } from "../src/clean/profile.js";
import type { Article, Change } from "../src/core/types.js";
import { parseSource } from "../src/parse/parse-source.js";

const dir = process.argv[2] ?? "/work/shared/corpus/real";
const samplesArg = process.argv.indexOf("--samples");
const samples = samplesArg > 0 ? Number(process.argv[samplesArg + 1]) : 0;

const started = performance.now();
const articles: Article[] = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  const parsed = parseSource({ path, bytes: readFileSync(path) });
  if (parsed.article) articles.push(parsed.article);
}
const parsedAt = performance.now();
const builder = createProfileBuilder();
for (const article of articles) builder.add(article);
const profile = builder.finish();
const cleaned = articles.map((a) => cleanArticle(a, profile));
const groups = groupNearDuplicates(cleaned.map((a, id) => ({ id, signature: bodySignature(a) })));
const cleanedAt = performance.now();

const newChanges = (a: Article, i: number): Change[] =>
  a.changes.slice(articles[i]?.changes.length ?? 0);
const count = (pred: (c: Change) => boolean): number =>
  cleaned.reduce((n, a, i) => n + newChanges(a, i).filter(pred).length, 0);
const files = (pred: (c: Change) => boolean): number =>
  cleaned.filter((a, i) => newChanges(a, i).some(pred)).length;
const rule = (prefix: string) => (c: Change) => c.rule.startsWith(prefix);
const reasons = new Map<string, number>();
for (const a of cleaned) {
  const reason = a.suspect?.replace(/\(\d+ words\)/, "(< 25 words)");
  if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
}

const rows: [string, string | number][] = [
  ["files read", readdirSync(dir).length],
  ["articles parsed", articles.length],
  [
    "author entries before → after",
    `${articles.reduce((n, a) => n + a.authors.length, 0)} → ${cleaned.reduce((n, a) => n + a.authors.length, 0)}`,
  ],
  ["junk author entries removed", count((c) => c.field === "authors" && c.after === "")],
  ...[
    "clean/author-ui",
    "clean/author-date",
    "clean/author-outlet",
    "clean/author-role",
    "clean/author-url",
    "clean/author-bio",
    "clean/author-duplicate",
  ].map((r): [string, number] => [`  · ${r}`, count(rule(r))]),
  ["author names repaired (case, `By`, `For X`)", count(rule("clean/author-name"))],
  [
    "articles given a publisher",
    cleaned.filter((a, i) => a.publisher && !articles[i]?.publisher).length,
  ],
  ["titles trimmed (site name)", count(rule("clean/title-site-name"))],
  ["titles entity-decoded", count(rule("clean/title-entities"))],
  [
    "boilerplate lines removed (built-in list)",
    count(rule("clean/boilerplate") && ((c) => c.rule === "clean/boilerplate")),
  ],
  ["boilerplate lines removed (learned repetition)", count(rule("clean/boilerplate-repeated"))],
  ["first lines repeating the title removed", count(rule("clean/title-repeated"))],
  ["bodies with invisible characters removed", files(rule("clean/invisible-characters"))],
  ["quote spacings closed", count(rule("clean/quote-spaces"))],
  ["bodies flagged for U+FFFD", files(rule("clean/replacement-character"))],
  ["non-articles held back", cleaned.filter((a) => a.suspect).length],
  ...[...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]): [string, number] => [`  · ${r}`, n]),
  [`near-duplicate groups merged (Jaccard ≥ ${DEFAULT_THRESHOLD})`, groups.length],
  ["articles folded into another", groups.reduce((n, g) => n + g.length - 1, 0)],
  [
    "learned: domains with site names / boilerplate",
    `${Object.values(profile.domains).filter((d) => d.titlePrefixes.length + d.titleSuffixes.length > 0).length} / ${Object.values(profile.domains).filter((d) => d.boilerplate.length > 0).length}`,
  ],
  [
    "learned: outlet names / shared titles",
    `${profile.outlets.length} / ${profile.sharedTitles.length}`,
  ],
  [
    "time: parse / profile+clean+dedupe (s)",
    `${((parsedAt - started) / 1000).toFixed(2)} / ${((cleanedAt - parsedAt) / 1000).toFixed(2)}`,
  ],
];
console.log("| measure | value |\n|---|---|");
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);

if (samples > 0) {
  let seed = 20240601;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const decisions = new Map<string, string[]>();
  const note = (kind: string, text: string): void => {
    decisions.set(kind, [...(decisions.get(kind) ?? []), text]);
  };
  cleaned.forEach((a, i) => {
    const file = a.file.split("/").pop()?.slice(0, 5);
    for (const c of newChanges(a, i)) {
      const text = `${file} ${c.rule}: ${JSON.stringify(c.before.slice(0, 80))} → ${JSON.stringify(c.after.slice(0, 60))}`;
      note(c.field, text);
    }
    if (a.suspect)
      note(
        "held back",
        `${file} held back: ${a.suspect} (title ${JSON.stringify(a.title.slice(0, 50))})`,
      );
  });
  for (const g of groups) {
    const names = g.map((id) => cleaned[id]?.file.split("/").pop()?.slice(0, 5));
    note(
      "duplicates",
      `duplicates: ${names.join(", ")} (${cleaned[g[0] ?? 0]?.title.slice(0, 40)})`,
    );
  }
  const kinds = [...decisions.keys()].sort();
  const total = [...decisions.values()].reduce((n, d) => n + d.length, 0);
  console.log(
    `\n${total} decisions (${kinds.map((k) => `${k} ${decisions.get(k)?.length}`).join(", ")}); sample, round-robin over kinds:`,
  );
  for (let k = 0; k < samples; k++) {
    const pool = decisions.get(kinds[k % kinds.length] as string) ?? [];
    if (pool.length === 0) continue;
    const [pick] = pool.splice(Math.floor(random() * pool.length), 1);
    console.log(`${k + 1}. ${pick}`);
  }
}
