import { describe, expect, it } from "vitest";
import {
  bodySignature,
  DEFAULT_THRESHOLD,
  groupNearDuplicates,
  SIGNATURE_SIZE,
  similarity,
} from "../../src/clean/near-duplicates.js";
import { makeArticle, prose } from "./make-article.js";

const sig = (text: string) => bodySignature(makeArticle({ paragraphs: [text] }));

/** Exact Jaccard similarity of 5-word shingle sets, to check the estimate against. */
function jaccard(a: string, b: string): number {
  const shingles = (t: string) => {
    const w = t.toLowerCase().split(/\s+/);
    return new Set(w.slice(0, w.length - 4).map((_, i) => w.slice(i, i + 5).join(" ")));
  };
  const x = shingles(a);
  const y = shingles(b);
  const common = [...x].filter((s) => y.has(s)).length;
  return common / (x.size + y.size - common);
}

const base = prose(600, 1);
const words = base.split(" ");
/** The same story with every `step`-th word replaced. */
const edited = (step: number) => words.map((w, i) => (i % step === 0 ? `x${i}` : w)).join(" ");

describe("bodySignature", () => {
  it("has a fixed size and is deterministic", () => {
    expect(sig(base)).toHaveLength(SIGNATURE_SIZE);
    expect([...sig(base)]).toEqual([...sig(base)]);
  });

  it("ignores case and punctuation", () => {
    expect(
      similarity(
        sig("The Senate voted, 52 to 48, on Tuesday night."),
        sig("the senate voted 52 to 48 on tuesday night"),
      ),
    ).toBe(1);
  });

  it("estimates Jaccard similarity within 0.12", () => {
    for (const step of [5, 10, 30, 100]) {
      const other = edited(step);
      expect(Math.abs(similarity(sig(base), sig(other)) - jaccard(base, other))).toBeLessThan(0.12);
    }
  });
});

describe("groupNearDuplicates", () => {
  it("groups identical and nearly identical bodies, sorted, and nothing else", () => {
    const texts = [
      prose(400, 7), // 0
      base, // 1
      `${base} Advertisement Read more stories like this.`, // 2: a line of boilerplate more
      prose(400, 9), // 3: unrelated
      edited(100), // 4: 1% of words edited
      prose(400, 7), // 5: same as 0
    ];
    const items = texts.map((t, id) => ({ id, signature: sig(t) }));
    expect(groupNearDuplicates(items)).toEqual([
      [0, 5],
      [1, 2, 4],
    ]);
  });

  it("has no false merges on pairs below the threshold (precision on crafted pairs)", () => {
    let falseMerges = 0;
    let pairs = 0;
    for (const step of [3, 4, 5]) {
      const other = edited(step);
      expect(jaccard(base, other)).toBeLessThan(DEFAULT_THRESHOLD - 0.2);
      pairs++;
      const groups = groupNearDuplicates([
        { id: 0, signature: sig(base) },
        { id: 1, signature: sig(other) },
      ]);
      if (groups.length > 0) falseMerges++;
    }
    // Same topic, shared opening paragraph, different stories.
    const lead = prose(60, 3);
    for (let seed = 20; seed < 30; seed++) {
      pairs++;
      const groups = groupNearDuplicates([
        { id: 0, signature: sig(`${lead} ${prose(300, seed)}`) },
        { id: 1, signature: sig(`${lead} ${prose(300, seed + 100)}`) },
      ]);
      if (groups.length > 0) falseMerges++;
    }
    // Four fifths of the text shared: Jaccard about 0.66, close below the threshold.
    for (let seed = 30; seed < 50; seed++) {
      const shared = prose(480, seed);
      const a = `${shared} ${prose(120, seed + 1000)}`;
      const b = `${shared} ${prose(120, seed + 2000)}`;
      expect(jaccard(a, b)).toBeGreaterThan(0.6);
      expect(jaccard(a, b)).toBeLessThan(0.7);
      pairs++;
      const groups = groupNearDuplicates([
        { id: 0, signature: sig(a) },
        { id: 1, signature: sig(b) },
      ]);
      if (groups.length > 0) falseMerges++;
    }
    expect(pairs).toBe(33);
    expect(falseMerges).toBe(0);
  });

  it("finds pairs well above the threshold (recall on crafted pairs)", () => {
    let found = 0;
    for (let seed = 40; seed < 60; seed++) {
      const text = prose(500, seed);
      const copy = text
        .split(" ")
        .map((w, i) => (i % 200 === 0 ? "changed" : w))
        .join(" ");
      if (
        groupNearDuplicates([
          { id: 0, signature: sig(text) },
          { id: 1, signature: sig(copy) },
        ]).length === 1
      )
        found++;
    }
    expect(found).toBe(20);
  });

  it("never groups empty bodies", () => {
    expect(
      groupNearDuplicates([
        { id: 0, signature: sig("") },
        { id: 1, signature: sig("") },
      ]),
    ).toEqual([]);
  });

  it("finds the groups all pairwise comparisons find, on stories with several copies each", () => {
    const texts: string[] = [];
    for (let story = 0; story < 30; story++) {
      const text = prose(300, 100 + story);
      const storyWords = text.split(" ");
      texts.push(text);
      for (let copy = 0; copy < story % 4; copy++) {
        const step = [300, 200, 150][copy] as number;
        texts.push(storyWords.map((w, i) => (i % step === copy ? `y${i}` : w)).join(" "));
      }
    }
    // Interleaved, so that the copies of a story are neither adjacent nor in order.
    const order = texts.map((_, i) => (i * 17) % texts.length);
    const items = order.map((t, id) => ({ id, signature: sig(texts[t] as string) }));
    const root = items.map((_, i) => i);
    const find = (i: number): number => (root[i] === i ? i : find(root[i] as number));
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]?.signature as Uint32Array;
        const b = items[j]?.signature as Uint32Array;
        if (similarity(a, b) >= DEFAULT_THRESHOLD) root[find(j)] = find(i);
      }
    }
    const components = new Map<number, number[]>();
    for (const [i, item] of items.entries()) {
      components.set(find(i), [...(components.get(find(i)) ?? []), item.id]);
    }
    const expected = [...components.values()]
      .filter((g) => g.length > 1)
      .map((g) => g.sort((a, b) => a - b))
      .sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(expected.length).toBeGreaterThan(15);
    expect(groupNearDuplicates(items)).toEqual(expected);
  });

  it("keeps work linear: one bucket of many copies is checked against its first item only", () => {
    const copies = Array.from({ length: 5000 }, (_, id) => ({ id, signature: sig(base) }));
    const started = performance.now();
    const groups = groupNearDuplicates(copies);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(5000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
