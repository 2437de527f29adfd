import { appendFileSync, closeSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";

/** Bytes gathered before they are appended to the file, and read from it at a time. */
const CHUNK = 1 << 20;

/**
 * Posting lists written out of a full pool, as runs in `file`: each run holds the lists of one
 * stretch of articles, term by term in the order the index writes its terms, so the index reads
 * every run once, front to back, alongside its term list. At a million articles the pool grew to
 * 735 MB and set the build's peak; spilled, it stays at its limit. A record is the term's id and
 * its list's length (varints) and the list, its gaps counted from slot -1 as the pool wrote them.
 */
export class PostingRuns {
  private buffer = new Uint8Array(CHUNK);
  private used = 0;
  private flushed = 0;
  /** Where each run starts; the last entry is the end of the file. */
  private readonly bounds: number[] = [0];
  /** Open while the runs are read. */
  private fd: number | null = null;

  constructor(private readonly file: string) {
    writeFileSync(file, "");
  }

  /** How many runs have been written. */
  get count(): number {
    return this.bounds.length - 1;
  }

  /** Appends term `id`'s list to the run being written. */
  add(id: number, bytes: Uint8Array, length: number): void {
    this.room(10);
    this.varint(id);
    this.varint(length);
    if (length > this.buffer.length - this.used) {
      this.flush();
      if (length > this.buffer.length) {
        appendFileSync(this.file, bytes.subarray(0, length));
        this.flushed += length;
        return;
      }
    }
    this.buffer.set(bytes.subarray(0, length), this.used);
    this.used += length;
  }

  /** Ends the run being written. */
  endRun(): void {
    this.flush();
    this.bounds.push(this.flushed);
  }

  /** A reader of each run, in the order they were written. */
  readers(): RunReader[] {
    if (this.count === 0) return [];
    const fd = openSync(this.file, "r");
    this.fd = fd;
    return this.bounds
      .slice(0, -1)
      .map((start, i) => new RunReader(fd, start, this.bounds[i + 1] as number, this.file));
  }

  /** Lets go of the runs and removes the file; the runs are not used after. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.buffer = new Uint8Array(0);
    this.used = 0;
    rmSync(this.file, { force: true });
  }

  private room(bytes: number): void {
    if (this.used + bytes > this.buffer.length) this.flush();
  }

  private varint(value: number): void {
    let v = value;
    while (v >= 128) {
      this.buffer[this.used++] = (v & 127) | 128;
      v >>>= 7;
    }
    this.buffer[this.used++] = v;
  }

  private flush(): void {
    if (this.used === 0) return;
    appendFileSync(this.file, this.buffer.subarray(0, this.used));
    this.flushed += this.used;
    this.used = 0;
  }
}

/** Reads one run's records in order. */
export class RunReader {
  private buffer = new Uint8Array(CHUNK);
  /** Bytes of the buffer holding data, and the read position in it. */
  private filled = 0;
  private at = 0;
  /** File offset of the buffer's end. */
  private offset: number;
  /** Term id of the record `take` returns next, or -1 at the run's end. */
  private head = -1;
  private length = 0;
  /** Whether the last list taken is still in the buffer, its next record's head not yet read. */
  private taken = false;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
    private readonly file: string,
  ) {
    this.offset = start;
    this.advance();
  }

  /** Term id of the next record, or -1 at the run's end. */
  get next(): number {
    if (this.taken) {
      this.taken = false;
      this.advance();
    }
    return this.head;
  }

  /** The list of the next record, whose id is `next`; valid until `next` or `take` is used. */
  take(): Uint8Array {
    if (this.next < 0) throw new Error(`search index: ${this.file} has no more postings`);
    this.fill(this.length);
    if (this.filled - this.at < this.length)
      throw new Error(`search index: ${this.file} is cut short`);
    const list = this.buffer.subarray(this.at, this.at + this.length);
    this.at += this.length;
    this.taken = true;
    return list;
  }

  /** Reads the next record's head. */
  private advance(): void {
    this.fill(10);
    if (this.at === this.filled) {
      this.head = -1;
      return;
    }
    this.head = this.varint();
    this.length = this.varint();
  }

  private varint(): number {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      if (this.at === this.filled) throw new Error(`search index: ${this.file} is cut short`);
      b = this.buffer[this.at++] as number;
      v |= (b & 127) << shift;
      shift += 7;
    } while (b >= 128);
    return v >>> 0;
  }

  /** Makes `bytes` bytes, or what is left of the run, readable from `at`. */
  private fill(bytes: number): void {
    if (this.filled - this.at >= bytes || this.offset >= this.end) return;
    const kept = this.filled - this.at;
    if (bytes > this.buffer.length) {
      const grown = new Uint8Array(bytes);
      grown.set(this.buffer.subarray(this.at, this.filled));
      this.buffer = grown;
    } else {
      this.buffer.copyWithin(0, this.at, this.filled);
    }
    this.at = 0;
    this.filled = kept;
    while (this.filled < this.buffer.length && this.offset < this.end) {
      const want = Math.min(this.buffer.length - this.filled, this.end - this.offset);
      const n = readSync(this.fd, this.buffer, this.filled, want, this.offset);
      if (n === 0) throw new Error(`search index: ${this.file} ended before its postings`);
      this.filled += n;
      this.offset += n;
    }
  }
}
