import type { Change } from "../core/types.js";
import { compact } from "./text.js";

/** Longest cut newspaper3k makes to a repeated name (`Ronan Farro`, `De Elizabet`). */
const MAX_CUT = 3;

/** True when `short` is `full` cut short: a few letters off its end, or only its first name. */
function truncates(short: string, full: string): boolean {
  const a = compact(short);
  const b = compact(full);
  if (a.length < 3 || a === b || !b.startsWith(a)) return false;
  return (
    b.length - a.length <= MAX_CUT ||
    (!/\s/.test(short.trim()) && full.startsWith(`${short.trim()} `))
  );
}

/** True when a name is two other names of the list run together (`Richard Natale Carmel Dagan`). */
function isTwoNames(key: string, keys: readonly string[]): boolean {
  return keys.some(
    (a) => a !== key && a.length > 0 && key.startsWith(a) && keys.includes(key.slice(a.length)),
  );
}

/** An author entry kept so far: its cleaned name and the entry as scraped. */
export interface KeptName {
  readonly name: string;
  readonly before: string;
}

const drop = (before: string, rule: string): Change => ({
  rule,
  field: "authors",
  before,
  after: "",
});

/**
 * Drops exact, accent-folded and truncated duplicates (`Ronan Farro` beside `Ronan Farrow`),
 * names run together, and the teaser names that follow a name cut short after its full form;
 * records each surviving name that differs from its entry.
 */
export function dropDuplicates(kept: readonly KeptName[]): {
  authors: string[];
  changes: Change[];
} {
  const changes: Change[] = [];
  const authors: string[] = [];
  const keys = kept.map(({ name }) => compact(name));
  let teasers = false;
  kept.forEach(({ name, before }, i) => {
    const key = compact(name);
    if (teasers) {
      changes.push(drop(before, "clean/author-truncated"));
      return;
    }
    const longer = kept.findIndex(
      (other, j) => j !== i && (compact(other.name) === key ? j < i : truncates(name, other.name)),
    );
    if (longer < 0 && isTwoNames(key, keys)) {
      changes.push(drop(before, "clean/author-duplicate"));
      return;
    }
    if (longer >= 0) {
      // A name cut short after its full form starts the list of teaser links that follow it.
      teasers = longer < i && compact((kept[longer] as { name: string }).name) !== key;
      changes.push(drop(before, "clean/author-duplicate"));
      return;
    }
    if (name !== before)
      changes.push({ rule: "clean/author-name", field: "authors", before, after: name });
    authors.push(name);
  });
  return { authors, changes };
}
