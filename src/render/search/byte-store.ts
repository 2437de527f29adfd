/**
 * Bytes of many small items copied into shared 32 MiB chunks. glibc serves allocations under
 * 32 MiB from its heap, which keeps their pages resident after they are freed; an item per
 * buffer also costs a backing store of its own. Measured on a clean 100,000-article build, the
 * builder's buffers held that way stayed resident through the listing pages and the commit; at
 * 1,000,000 articles, the near-duplicate signatures (512 bytes each) left 756 MB of glibc's heap
 * resident through the rest of the build.
 */
export const CHUNK = 32 * 1024 * 1024;
/**
 * The first chunk's size, doubled for each next one up to {@link CHUNK}. A rebuild after one edit
 * stores one article's signature, and a dev server or `build --watch` keeps it through every
 * later build: at 32 MiB a chunk, each such rebuild held 32 MiB more.
 */
export const FIRST_CHUNK = 64 * 1024;

/** Append-only store of byte strings, each handed back as a view into a chunk. */
export class ByteStore {
  private chunk = new Uint8Array(0);
  private used = 0;
  private nextSize = FIRST_CHUNK;

  /** A copy of `bytes` in the store. */
  copy(bytes: Uint8Array): Uint8Array {
    if (this.used + bytes.length > this.chunk.length) {
      this.chunk = new Uint8Array(Math.max(this.nextSize, bytes.length));
      this.nextSize = Math.min(CHUNK, this.nextSize * 2);
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + bytes.length);
    view.set(bytes);
    this.used += bytes.length;
    return view;
  }

  /** A copy of `words` in the store, aligned for 32-bit access. */
  copyWords(words: Uint32Array): Uint32Array {
    this.used = Math.ceil(this.used / 4) * 4;
    const view = this.copy(new Uint8Array(words.buffer, words.byteOffset, words.byteLength));
    return new Uint32Array(view.buffer, view.byteOffset, words.length);
  }
}
