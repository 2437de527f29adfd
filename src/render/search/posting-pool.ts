/**
 * Growable byte lists, one per term, in shared 1 MB blocks: each list is a chain of slices
 * whose sizes double up to a cap, the last 4 bytes of a full slice pointing at the next. Half a
 * million short lists cost a few typed arrays instead of half a million objects.
 */

const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;
/** Slice sizes by level; the last level repeats. */
const SIZES = [16, 32, 64, 128, 256, 512, 1024, 4096, 16384];
const LAST = SIZES.length - 1;

/** Byte lists addressed by a dense id. */
export class PostingPool {
  private blocks: Uint8Array[] = [];
  private used = BLOCK;
  /** Per list: address of its first slice, or -1 before the first byte. */
  private head = new Int32Array(1024).fill(-1);
  /** Per list: address of the next byte to write. */
  private pos = new Int32Array(1024);
  /** Per list: address where the current slice's data ends (its next pointer starts). */
  private end = new Int32Array(1024);
  private level = new Uint8Array(1024);
  private len = new Int32Array(1024);

  /** Bytes written to list `id`. */
  length(id: number): number {
    return id < this.len.length ? (this.len[id] as number) : 0;
  }

  /** Appends `value` (≥ 0, < 2^31) as a 7-bit varint to list `id`. */
  writeVarint(id: number, value: number): void {
    let v = value;
    while (v >= 128) {
      this.writeByte(id, (v & 127) | 128);
      v >>>= 7;
    }
    this.writeByte(id, v);
  }

  private writeByte(id: number, byte: number): void {
    if (id >= this.head.length) this.grow(id);
    let p = this.pos[id] as number;
    if (this.head[id] === -1) {
      p = this.alloc(SIZES[0] as number);
      this.head[id] = p;
      this.end[id] = p + (SIZES[0] as number) - 4;
    } else if (p === this.end[id]) {
      const lvl = Math.min((this.level[id] as number) + 1, LAST);
      const next = this.alloc(SIZES[lvl] as number);
      const block = this.blocks[p >>> BLOCK_BITS] as Uint8Array;
      const at = p & (BLOCK - 1);
      block[at] = next & 255;
      block[at + 1] = (next >>> 8) & 255;
      block[at + 2] = (next >>> 16) & 255;
      block[at + 3] = next >>> 24;
      this.level[id] = lvl;
      this.end[id] = next + (SIZES[lvl] as number) - 4;
      p = next;
    }
    (this.blocks[p >>> BLOCK_BITS] as Uint8Array)[p & (BLOCK - 1)] = byte;
    this.pos[id] = p + 1;
    this.len[id] = (this.len[id] as number) + 1;
  }

  /** Copies list `id` into `out` (at least its length long) and returns the byte count. */
  read(id: number, out: Uint8Array): number {
    const total = this.length(id);
    let p = this.head[id] as number;
    let lvl = 0;
    let done = 0;
    while (done < total) {
      const size = (SIZES[Math.min(lvl, LAST)] as number) - 4;
      const take = Math.min(size, total - done);
      const block = this.blocks[p >>> BLOCK_BITS] as Uint8Array;
      const at = p & (BLOCK - 1);
      out.set(block.subarray(at, at + take), done);
      done += take;
      if (done < total) {
        const q = at + size;
        p =
          (block[q] as number) |
          ((block[q + 1] as number) << 8) |
          ((block[q + 2] as number) << 16) |
          ((block[q + 3] as number) << 24);
        lvl++;
      }
    }
    return total;
  }

  /** Bytes held by the blocks. */
  get bytes(): number {
    return this.blocks.length * BLOCK;
  }

  private alloc(size: number): number {
    if (this.used + size > BLOCK) {
      this.blocks.push(new Uint8Array(BLOCK));
      this.used = 0;
    }
    const address = ((this.blocks.length - 1) << BLOCK_BITS) + this.used;
    this.used += size;
    return address;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.head.length * 2);
    const widen = <T extends Int32Array | Uint8Array>(a: T, fill: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.fill(fill);
      b.set(a);
      return b;
    };
    this.head = widen(this.head, -1);
    this.pos = widen(this.pos, 0);
    this.end = widen(this.end, 0);
    this.level = widen(this.level, 0);
    this.len = widen(this.len, 0);
  }
}
