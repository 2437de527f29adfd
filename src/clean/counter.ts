/**
 * Counts keys per group within a fixed budget of entries. When the budget is exceeded, keys
 * seen at most `floor` times are forgotten and the floor rises (lossy counting): frequent keys
 * survive with counts short by at most the floor, so memory stays bounded on any corpus size.
 */
export class BoundedCounts<K> {
  readonly groups = new Map<string, Map<K, number>>();
  private size = 0;
  private floor = 1;

  constructor(private readonly budget: number) {}

  /** Adds one to `key` in `group`. */
  add(group: string, key: K): void {
    let counts = this.groups.get(group);
    if (!counts) {
      counts = new Map();
      this.groups.set(group, counts);
    }
    const n = counts.get(key);
    if (n === undefined) this.size++;
    counts.set(key, (n ?? 0) + 1);
    if (this.size > this.budget) this.prune();
  }

  /** The counts of one group (empty when none). */
  get(group: string): ReadonlyMap<K, number> {
    return this.groups.get(group) ?? new Map();
  }

  private prune(): void {
    while (this.size > this.budget / 2) {
      for (const [group, counts] of this.groups) {
        for (const [key, n] of counts) {
          if (n <= this.floor) {
            counts.delete(key);
            this.size--;
          }
        }
        if (counts.size === 0) this.groups.delete(group);
      }
      this.floor++;
    }
  }
}
