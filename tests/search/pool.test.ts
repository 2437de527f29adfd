import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PostingPool } from "../../src/render/search/posting-pool.js";

/** Decodes a pool list back into (slot, weight) pairs. */
function decode(bytes: Uint8Array, length: number): [number, number][] {
  const out: [number, number][] = [];
  let slot = -1;
  let p = 0;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[p++] as number;
      v |= (b & 127) << shift;
      shift += 7;
    } while (b >= 128);
    return v;
  };
  while (p < length) {
    slot += varint();
    out.push([slot, varint()]);
  }
  return out;
}

describe("PostingPool", () => {
  it("gives back every term's postings, across slices and blocks", () => {
    const posting = fc.tuple(fc.nat(40), fc.nat(200_000), fc.nat(5_000_000));
    fc.assert(
      fc.property(fc.array(posting, { maxLength: 3000 }), (list) => {
        const pool = new PostingPool();
        const expected = new Map<number, [number, number][]>();
        let slot = 0;
        for (const [term, step, weight] of list) {
          slot += step;
          const mine = expected.get(term) ?? [];
          if (mine.at(-1)?.[0] === slot) continue;
          mine.push([slot, weight]);
          expected.set(term, mine);
          pool.push(term, slot, weight);
        }
        for (const [term, pairs] of expected) {
          const { bytes, length } = pool.read(term, new Uint8Array(4));
          expect(decode(bytes, length)).toEqual(pairs);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("continues a list in the next block when one is full", () => {
    const pool = new PostingPool();
    // Two bytes a posting: 20 million of them fill more than one 32 MiB block.
    const n = 20_000_000;
    for (let s = 0; s < n; s++) pool.push(0, s, s % 100);
    const { bytes, length } = pool.read(0, new Uint8Array(1));
    expect(length).toBe(2 * n);
    const tail = decode(bytes.subarray(length - 4), 4);
    expect(tail.map(([, weight]) => weight)).toEqual([(n - 2) % 100, (n - 1) % 100]);
  });

  it("holds a long list of small postings", () => {
    const pool = new PostingPool();
    for (let s = 0; s < 300_000; s++) pool.push(s % 3, s, s % 128);
    const { bytes, length } = pool.read(1, new Uint8Array(1));
    const pairs = decode(bytes, length);
    expect(pairs).toHaveLength(100_000);
    expect(pairs[99_999]).toEqual([299_998, 299_998 % 128]);
  });
});
