import { closeSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, rm, unlink } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Article } from "../core/types.js";

/**
 * Where each pass over the inputs leaves its articles for the next pass of the same build, so an
 * input is read and parsed once, and cleaned once: the first pass leaves them parsed for the
 * cleaning pass, which leaves them cleaned for the render pass. At 10,000 articles parsing and
 * cleaning again took an eighth of the workers' time, and reading a spooled article back costs a
 * tenth of that. Each task writes one file of its own, so no two threads share one; the files live
 * only as long as the build.
 */
export interface Spool {
  /** The spool's folder, which also holds the search index's snippets while it is built. */
  readonly dir: string;
  /** The file the `n`-th task of a pass writes. */
  fileOf(pass: SpoolPass, n: number): string;
  /** Removes the files of one pass once the next has read them. */
  drop(pass: SpoolPass): Promise<void>;
  /** Removes the spool; a build calls it once it has rendered, or failed. */
  remove(): Promise<void>;
}

/** The articles a spool file holds: as parsed by the first pass, or as cleaned. */
export type SpoolPass = "parsed" | "cleaned";

/** Where one article's bytes lie in a spool file. */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

/** A spooled article: its file and span. */
export interface SpoolRef extends Span {
  readonly file: string;
}

/** The spool folder of a build, in its cache folder; one a killed build left is cleared first. */
export async function openSpool(cacheDir: string): Promise<Spool> {
  const dir = path.join(cacheDir, "spool");
  await rm(dir, { recursive: true, force: true });
  const passes: readonly SpoolPass[] = ["parsed", "cleaned"];
  for (const pass of passes) await mkdir(path.join(dir, pass), { recursive: true });
  return {
    dir,
    fileOf: (pass, n) => path.join(dir, pass, `${n}.bin`),
    drop: (pass) => rm(path.join(dir, pass), { recursive: true, force: true }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Returns a function to call as each of `refs` is read back: it deletes a file once every article
 * in it was. A file deleted before the kernel writes it back costs no disk writes at all, and the
 * first pass spools as many bytes as the corpus holds; on the benchmark machine writing them back
 * took seconds of system time per gigabyte.
 */
export function releaseWhenRead(refs: Iterable<SpoolRef>): (ref: SpoolRef | undefined) => void {
  const unread = new Map<string, number>();
  for (const { file } of refs) unread.set(file, (unread.get(file) ?? 0) + 1);
  return (ref) => {
    if (ref === undefined) return;
    const left = (unread.get(ref.file) ?? 0) - 1;
    unread.set(ref.file, left);
    // Whatever is left is removed with the spool.
    if (left === 0) unlink(ref.file).catch(() => undefined);
  };
}

/**
 * Writes articles into `file`, one after another, and returns where each lies (`null` for a
 * missing one, and for all when the file cannot be written). V8's serializer, not JSON: it is
 * twice as fast both ways, and the bytes never leave this build.
 */
export function spoolArticles(
  file: string,
  articles: readonly (Article | null)[],
): (Span | null)[] {
  const parts: Buffer[] = [];
  let offset = 0;
  const spans = articles.map((article) => {
    if (article === null) return null;
    const bytes = serialize(article);
    parts.push(bytes);
    const span = { offset, length: bytes.length };
    offset += bytes.length;
    return span;
  });
  try {
    writeFileSync(file, Buffer.concat(parts, offset));
  } catch {
    // A spool that cannot be written (a full disk) only makes the next pass parse again.
    rmSync(file, { force: true });
    return spans.map(() => null);
  }
  return spans;
}

/**
 * Reads spooled articles back, each file opened once. An article that cannot be read (the spool
 * removed under the build) or is not the file's is `null`, for the caller to parse again.
 */
export function readSpooled(
  refs: readonly (SpoolRef | null | undefined)[],
  files: readonly { readonly display: string }[],
): (Article | null)[] {
  const fds = new Map<string, number | null>();
  const fdOf = (file: string): number | null => {
    let fd = fds.get(file);
    if (fd === undefined) {
      try {
        fd = openSync(file, "r");
      } catch {
        fd = null;
      }
      fds.set(file, fd);
    }
    return fd;
  };
  try {
    return refs.map((ref, i) => {
      if (ref == null) return null;
      const fd = fdOf(ref.file);
      if (fd === null) return null;
      const bytes = Buffer.allocUnsafe(ref.length);
      try {
        if (readSync(fd, bytes, 0, ref.length, ref.offset) !== ref.length) return null;
        const article = deserialize(bytes) as Article;
        return article.file === files[i]?.display ? article : null;
      } catch {
        return null;
      }
    });
  } finally {
    for (const fd of fds.values()) if (fd !== null) closeSync(fd);
  }
}
