import type { Change } from "../core/types.js";
import { diffExcerpt } from "./excerpt.js";
import { repairC1Controls, stripControls } from "./repair-controls.js";
import { decodeEntities } from "./repair-entities.js";
import { repairMojibake } from "./repair-mojibake.js";

/** Which field a text belongs to; each gets the repairs that are safe for it. */
export type RepairField = Change["field"] | "markdown";

/** Repaired text plus one change record per repair rule that altered it. */
export interface RepairResult {
  readonly text: string;
  readonly changes: readonly Change[];
}

type Step = readonly [rule: string, fix: (text: string) => string, rare?: boolean];

const stripStrayBom = (text: string): string =>
  text.includes("\ufeff") ? text.replaceAll("\ufeff", "") : text;

/** Invisible characters that make a one-line value (URL, title, author) look different. */
const INVISIBLE = /[\u00a0\u2007\u202f\u200b\u2060]/g;
const foldInvisible = (text: string): string =>
  text.replace(INVISIBLE, (ch) => (ch === "\u200b" || ch === "\u2060" ? "" : " ")).trim();

const COMMON: readonly Step[] = [
  ["repair/bom", stripStrayBom, true],
  ["repair/mojibake", repairMojibake],
  ["repair/c1-controls", repairC1Controls, true],
  ["repair/control-chars", stripControls, true],
];
const ENTITIES: Step = ["repair/entities", decodeEntities];
const SPACES: Step = ["repair/nbsp", foldInvisible];

const STEPS: Record<RepairField, readonly Step[]> = {
  body: [...COMMON, ENTITIES],
  markdown: COMMON,
  title: [...COMMON, ENTITIES, SPACES],
  authors: [...COMMON, ENTITIES, SPACES],
  url: [...COMMON, ENTITIES, SPACES],
};

/** Non-ASCII, `&` or a control character: without any, no repair can apply. */
const MAY_NEED_REPAIR = /[^\u0020-\u0025\u0027-\u007e\n\t]/;
/** What the rare steps act on; one scan decides whether any of them need to run. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is the point
const RARE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff]/;

/**
 * Applies the repairs meant for a field (stray BOMs, mojibake, C1/C0 controls, HTML
 * entities, and for one-line fields non-breaking and zero-width spaces), recording each.
 */
export function repairText(text: string, field: RepairField): RepairResult {
  if (!MAY_NEED_REPAIR.test(text)) {
    return { text: field === "body" || field === "markdown" ? text : text.trim(), changes: [] };
  }
  const changes: Change[] = [];
  let current = text;
  const rareNeeded = RARE.test(text);
  for (const [rule, fix, rare] of STEPS[field]) {
    if (rare && !rareNeeded) continue;
    const next = fix(current);
    if (next !== current && !(rule === "repair/nbsp" && next === current.trim())) {
      const excerpt = diffExcerpt(current, next);
      changes.push({ rule, field: field === "markdown" ? "body" : field, ...excerpt });
    }
    current = next;
  }
  return { text: current, changes };
}
