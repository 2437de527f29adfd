/**
 * Postings of many terms accumulated in shared 32 MiB byte blocks (the size glibc always maps
 * apart and gives back when freed, see `byte-store.ts`): each term's list is a chain of slices
 * whose sizes grow up to a cap, the last 4 bytes of a full slice pointing at the next.
 * A posting is two 7-bit varints, the slot gap and the weight. Half a million short lists cost a
 * few typed arrays instead of half a million objects. A term gets its first slice with its first
 * posting, so a pool emptied by `clear` costs nothing for the terms it no longer holds.
 */

import { CHUNK } from "./byte-store.js";

const BLOCK_BITS = Math.log2(CHUNK);
const BLOCK = 1 << BLOCK_BITS;
const OFFSET = BLOCK - 1;
/** Slice sizes by level; the last level repeats. */
const SIZES = [16, 32, 64, 128, 256, 512, 1024, 4096, 16384];
const LAST = SIZES.length - 1;
/** Per-term state, stride 4: next write address, end of slice data, last slot, first slice. */
const POS = 0;
const END = 1;
const LAST_SLOT = 2;
const HEAD = 3;

/** Posting lists addressed by a dense term id. */
export class PostingPool {
  private blocks: Uint8Array[] = [];
  /** The block being filled, or -1 before the first slice. */
  private current = -1;
  private used = 0;
  private state = new Int32Array(4096);
  private level = new Uint8Array(1024);
  private terms = 0;

  /** Appends the posting (slot, weight) to term `id`; slots rise per term. */
  push(id: number, slot: number, weight: number): void {
    if (id >= this.terms) this.addTerms(id);
    const st = this.state;
    const at = id * 4;
    const gap = slot - (st[at + LAST_SLOT] as number);
    st[at + LAST_SLOT] = slot;
    const p = st[at + POS] as number;
    const room = (st[at + END] as number) - p;
    if (gap < 128 && weight < 128 && room >= 2) {
      const block = this.blocks[p >>> BLOCK_BITS] as Uint8Array;
      block[p & OFFSET] = gap;
      block[(p & OFFSET) + 1] = weight;
      st[at + POS] = p + 2;
      return;
    }
    // Two varints of values below 2^31 take at most 10 bytes; a slice never spans blocks.
    if (room >= 10) {
      const block = this.blocks[p >>> BLOCK_BITS] as Uint8Array;
      const start = p & OFFSET;
      let o = start;
      let v = gap;
      while (v >= 128) {
        block[o++] = (v & 127) | 128;
        v >>>= 7;
      }
      block[o++] = v;
      v = weight;
      while (v >= 128) {
        block[o++] = (v & 127) | 128;
        v >>>= 7;
      }
      block[o++] = v;
      st[at + POS] = p + (o - start);
      return;
    }
    this.varint(id, gap);
    this.varint(id, weight);
  }

  private varint(id: number, value: number): void {
    let v = value;
    while (v >= 128) {
      this.byte(id, (v & 127) | 128);
      v >>>= 7;
    }
    this.byte(id, v);
  }

  private byte(id: number, value: number): void {
    const st = this.state;
    const at = id * 4;
    let p = st[at + POS] as number;
    if (p === st[at + END]) {
      const first = (st[at + HEAD] as number) < 0;
      const lvl = first ? 0 : Math.min((this.level[id] as number) + 1, LAST);
      const next = this.alloc(SIZES[lvl] as number);
      if (first) {
        st[at + HEAD] = next;
      } else {
        const block = this.blocks[p >>> BLOCK_BITS] as Uint8Array;
        const o = p & OFFSET;
        block[o] = next & 255;
        block[o + 1] = (next >>> 8) & 255;
        block[o + 2] = (next >>> 16) & 255;
        block[o + 3] = next >>> 24;
      }
      this.level[id] = lvl;
      st[at + END] = next + (SIZES[lvl] as number) - 4;
      p = next;
    }
    (this.blocks[p >>> BLOCK_BITS] as Uint8Array)[p & OFFSET] = value;
    st[at + POS] = p + 1;
  }

  /** Copies term `id`'s bytes into `out`, grown when too small; returns the buffer and length. */
  read(id: number, buffer: Uint8Array): { bytes: Uint8Array; length: number } {
    let out = buffer;
    if (!this.holds(id)) return { bytes: out, length: 0 };
    const st = this.state;
    const last = st[id * 4 + POS] as number;
    let p = st[id * 4 + HEAD] as number;
    let lvl = 0;
    let done = 0;
    for (;;) {
      const size = (SIZES[Math.min(lvl, LAST)] as number) - 4;
      const block = this.blocks[p >>> BLOCK_BITS] as Uint8Array;
      const o = p & OFFSET;
      const ends = last >= p && last <= p + size;
      const take = ends ? last - p : size;
      if (done + take > out.length) {
        const grown = new Uint8Array((done + take) * 2);
        grown.set(out.subarray(0, done));
        out = grown;
      }
      out.set(block.subarray(o, o + take), done);
      done += take;
      if (ends) return { bytes: out, length: done };
      const q = o + size;
      p =
        (block[q] as number) |
        ((block[q + 1] as number) << 8) |
        ((block[q + 2] as number) << 16) |
        ((block[q + 3] as number) << 24);
      lvl++;
    }
  }

  /** Whether term `id` has postings here. */
  holds(id: number): boolean {
    return id < this.terms && (this.state[id * 4 + HEAD] as number) >= 0;
  }

  /** Ids of the terms with postings here, ascending. */
  held(): number[] {
    const ids: number[] = [];
    for (let id = 0; id < this.terms; id++)
      if ((this.state[id * 4 + HEAD] as number) >= 0) ids.push(id);
    return ids;
  }

  /** Bytes of the blocks in use. */
  get size(): number {
    return this.current < 0 ? 0 : this.current * BLOCK + this.used;
  }

  /**
   * Empties the pool, keeping its blocks for the postings that follow: a term's next posting
   * starts a new list, its gap counted from slot -1 again.
   */
  clear(): void {
    this.current = -1;
    this.used = 0;
    for (let id = 0; id < this.terms; id++) this.reset(id);
  }

  private alloc(size: number): number {
    if (this.current < 0 || this.used + size > BLOCK) {
      this.current++;
      if (this.current === this.blocks.length) this.blocks.push(new Uint8Array(BLOCK));
      this.used = 0;
    }
    const address = this.current * BLOCK + this.used;
    this.used += size;
    return address;
  }

  /** A term with no postings: its first push allocates its first slice. */
  private reset(id: number): void {
    const at = id * 4;
    this.state[at + POS] = 0;
    this.state[at + END] = 0;
    this.state[at + LAST_SLOT] = -1;
    this.state[at + HEAD] = -1;
    this.level[id] = 0;
  }

  /** Makes ids up to `id` valid. */
  private addTerms(id: number): void {
    if ((id + 1) * 4 > this.state.length) {
      const grown = new Int32Array(Math.max((id + 1) * 4, this.state.length * 2));
      grown.set(this.state);
      this.state = grown;
      const level = new Uint8Array(grown.length / 4);
      level.set(this.level);
      this.level = level;
    }
    for (let t = this.terms; t <= id; t++) this.reset(t);
    this.terms = id + 1;
  }
}
