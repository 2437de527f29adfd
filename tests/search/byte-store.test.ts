import { describe, expect, it } from "vitest";
import { ByteStore, CHUNK, FIRST_CHUNK } from "../../src/render/search/byte-store.js";

describe("ByteStore", () => {
  it("keeps copies that later changes to the source do not reach, across chunks", () => {
    const store = new ByteStore();
    const item = new Uint8Array(3000);
    const copies: Uint8Array[] = [];
    const count = Math.ceil((2.5 * CHUNK) / item.length);
    for (let i = 0; i < count; i++) {
      item.fill(i % 251);
      copies.push(store.copy(item));
    }
    item.fill(255);
    const sizes = [...new Set(copies.map((c) => c.buffer))].map((b) => b.byteLength);
    // Chunks grow from the first size by doubling, then stay at the largest.
    expect(sizes[0]).toBe(FIRST_CHUNK);
    expect(sizes[1]).toBe(2 * FIRST_CHUNK);
    expect(Math.max(...sizes)).toBe(CHUNK);
    expect(sizes.slice(sizes.indexOf(CHUNK))).toEqual(
      sizes.slice(sizes.indexOf(CHUNK)).fill(CHUNK),
    );
    copies.forEach((copy, i) => {
      expect(copy.length).toBe(3000);
      expect(copy[0]).toBe(i % 251);
      expect(copy[2999]).toBe(i % 251);
    });
  });

  it("holds a few items in a chunk of the first size, not a whole chunk", () => {
    const store = new ByteStore();
    const copies = [1, 2, 3].map((n) => store.copyWords(new Uint32Array(128).fill(n)));
    expect(new Set(copies.map((c) => c.buffer)).size).toBe(1);
    expect(copies[0]?.buffer.byteLength).toBe(FIRST_CHUNK);
    expect(copies.map((c) => c[127])).toEqual([1, 2, 3]);
  });

  it("takes an item larger than a chunk whole", () => {
    const store = new ByteStore();
    const small = store.copy(Uint8Array.of(1, 2, 3));
    const big = store.copy(new Uint8Array(CHUNK + 10).fill(7));
    expect(big.length).toBe(CHUNK + 10);
    expect(big[CHUNK + 9]).toBe(7);
    expect([...small]).toEqual([1, 2, 3]);
  });

  it("copies words at a 32-bit boundary after bytes of any length", () => {
    const store = new ByteStore();
    store.copy(Uint8Array.of(1, 2, 3));
    const words = Uint32Array.of(0xdeadbeef, 7, 0xffffffff);
    const copy = store.copyWords(words);
    words.fill(0);
    expect(copy.byteOffset % 4).toBe(0);
    expect([...copy]).toEqual([0xdeadbeef, 7, 0xffffffff]);
    expect([...store.copy(Uint8Array.of(9))]).toEqual([9]);
  });
});
