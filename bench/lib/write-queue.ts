import { writeFile } from "node:fs/promises";

/** Writes many files with a bounded number in flight, so millions of files stream through. */
export class WriteQueue {
  readonly #pending = new Set<Promise<void>>();
  readonly #limit: number;

  constructor(limit = 64) {
    this.#limit = limit;
  }

  /** Queues one write; resolves once there is room for the next. */
  async add(path: string, text: string): Promise<void> {
    const write: Promise<void> = writeFile(path, text).then(() => {
      this.#pending.delete(write);
    });
    this.#pending.add(write);
    if (this.#pending.size >= this.#limit) await Promise.race(this.#pending);
  }

  /** Waits for every queued write. */
  async flush(): Promise<void> {
    await Promise.all(this.#pending);
  }
}
