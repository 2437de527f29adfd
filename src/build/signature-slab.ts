import { CHUNK } from "../render/search/byte-store.js";

/**
 * Near-duplicate signatures copied into shared 32 MiB slabs. A signature of its own is a
 * 512-byte backing store from glibc's heap, and the heap keeps its pages once they are freed: at
 * 1,000,000 articles the main thread's heap stayed at 756 MB through the rest of the build after
 * the signatures were let go. A slab is mapped apart and given back whole when its last signature
 * goes (see `byte-store.ts`).
 */
export class SignatureSlab {
  private slab = new Uint32Array(0);
  private used = 0;

  /** A copy of `signature` in the slab. */
  copy(signature: Uint32Array): Uint32Array {
    if (this.used + signature.length > this.slab.length) {
      this.slab = new Uint32Array(Math.max(CHUNK / 4, signature.length));
      this.used = 0;
    }
    const view = this.slab.subarray(this.used, this.used + signature.length);
    view.set(signature);
    this.used += signature.length;
    return view;
  }
}
