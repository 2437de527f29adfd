import { createHash, hash as hashOnce } from "node:crypto";
import {
  closeSync,
  createWriteStream,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { BuildError } from "../core/errors.js";
import { type Emptying, openTrash, type Trash, trashFor } from "./trash.js";

/** What the previous build wrote: path → hash, size and mtime of the file in the output. */
type Manifest = Map<string, FileRecord>;
interface FileRecord {
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** A file written to the staging folder in this build, with the hash of its bytes. */
interface Staged {
  readonly staged: string;
  /** Its size and time as written, which the moves into the output keep; `null` if not known. */
  readonly stamp: FileStamp | null;
}

/** Size and modification time of a file. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

/** Pending moves and deletes, written before the output is touched so a killed commit can finish. */
interface Journal {
  readonly staging: string;
  /** Whether the moves come from a flat staging folder (see {@link Staging}). */
  readonly flat?: boolean;
  readonly moves: readonly string[];
  readonly deletes: readonly string[];
}

/**
 * Where a build stages its files. A full build stages the site's own tree and renames it into
 * place. An incremental build stages only changed files, side by side in one folder and named by
 * a digest of their path, and moves each into place: a folder per staged page (every article page
 * is a folder of its own) cost a mkdir to stage it and an rmdir to clear it, 60 and 200 µs on
 * the benchmark machine, more than writing and moving the page itself.
 */
export interface Staging {
  readonly dir: string;
  readonly flat: boolean;
}

/** The file a site path is staged at; refuses paths that would leave the site. */
export function stagedPath(staging: Staging, relPath: string): string {
  const target = safeJoin(staging.dir, relPath);
  if (!staging.flat) return target;
  return path.join(staging.dir, createHash("sha1").update(relPath).digest("hex"));
}

/** Stages a file, making its folder when the staging folder is the site's tree. */
export function writeStaged(
  staging: Staging,
  relPath: string,
  contents: string | Uint8Array,
): FileStamp {
  const target = stagedPath(staging, relPath);
  if (!staging.flat) mkdirSync(path.dirname(target), { recursive: true });
  return writeStamped(target, contents);
}

/**
 * Writes a file and reads its size and time from the open file, for the manifest: a `stat` of
 * each path after the commit took 168 s of a 1,000,000-article build, its files long out of the
 * kernel's caches by then.
 */
function writeStamped(target: string, contents: string | Uint8Array): FileStamp {
  const fd = openSync(target, "w");
  try {
    writeFileSync(fd, contents);
    const { size, mtimeMs } = fstatSync(fd);
    return { size, mtimeMs };
  } catch (error) {
    throw naming(error, target);
  } finally {
    closeSync(fd);
  }
}

/** A write error with the file's path: one through a file descriptor or stream lacks it. */
function naming(error: unknown, target: string): unknown {
  (error as NodeJS.ErrnoException).path ??= target;
  return error;
}

const MANIFEST_VERSION = 2;
const JOURNAL_FILE = "journal.json";
const MANIFEST_FILE = "manifest.ndjson";

/** How a build opens its output. */
export interface OutputOptions {
  /**
   * Whether the output may be taken to hold what the manifest says without checking each file's
   * size and time: true only for a process that wrote that output itself and has watched it
   * since, `except` for files it changed outside a build.
   */
  readonly manifest: boolean;
  readonly except?: ReadonlySet<string>;
  /** How replaced files are deleted (see `trash.ts`); detached unless said otherwise. */
  readonly emptying?: Emptying;
  /**
   * Runs {@link changedOutputs} on a batch of files, in worker threads: a build checks every file
   * of an untrusted output up front, 140,000 `stat` calls at 100,000 articles, while its main
   * thread loads the cache. Without it the batches run in this thread.
   */
  readonly check?: (out: string, files: readonly RecordedFile[]) => Promise<string[]>;
}

/** An output file as the manifest recorded it: its path, size and modification time. */
export type RecordedFile = readonly [relPath: string, size: number, mtimeMs: number];

/** The files no longer at their recorded size and modification time in `out`. */
export function changedOutputs(out: string, files: readonly RecordedFile[]): string[] {
  const changed: string[] = [];
  for (const [relPath, size, mtimeMs] of files)
    if (!holds(out, relPath, { size, mtimeMs })) changed.push(relPath);
  return changed;
}

/** Characters of lines `writeLines` gathers into one write. */
const LINES_CHUNK = 1 << 16;

/** Files per batch of {@link OutputOptions.check}. */
const CHECK_BATCH = 8192;

/** Writes a site into a staging folder and swaps it into the output folder in one commit. */
export interface OutputWriter {
  /** Stages `contents` at `relPath` unless the output already holds exactly these bytes. */
  write(relPath: string, contents: string | Uint8Array): Promise<void>;
  /** The staging folder, for workers that write pages there themselves (see `adopt`). */
  readonly staging: Staging;
  /** Hash of the file the previous build wrote at `relPath`, if any. */
  previousHash(relPath: string): string | null;
  /**
   * Takes a file a worker wrote straight into the staging folder, with the hash of its bytes and,
   * when known, its size and time as written.
   */
  adopt(relPath: string, hash: string, stamp: FileStamp | null): void;
  /**
   * Keeps a file from the previous build without rewriting it, when the output still holds
   * exactly what was written then; false means the caller must write it.
   */
  keep(relPath: string): boolean;
  /**
   * Keeps all of these files as `keep` would, or none when any must be written again: a set
   * that only stands whole, such as the search index.
   */
  keepAll(relPaths: readonly string[]): boolean;
  /** Streams a large file line by line into the staging folder. */
  writeLines(relPath: string, lines: Iterable<string>): Promise<void>;
  /** Moves the staged files into the output and removes files this build did not produce. */
  commit(): Promise<{ written: number; removed: number }>;
  /** Drops the staging folder, leaving the output as it was. */
  abort(): Promise<void>;
  /** Paths produced so far, for the sitemap. */
  readonly produced: ReadonlyMap<string, unknown>;
}

/**
 * Opens the output folder for a build. With a valid manifest from the previous build only changed
 * files are staged and moved in (a journal makes that move restartable); otherwise the whole site
 * is staged and swapped in with two renames. Either way a build killed before `commit` leaves the
 * previous site untouched.
 */
export async function openOutput(
  out: string,
  cacheDir: string,
  options: OutputOptions = { manifest: false },
): Promise<OutputWriter> {
  const journalPath = path.join(cacheDir, JOURNAL_FILE);
  const manifestPath = path.join(cacheDir, MANIFEST_FILE);
  await mkdir(cacheDir, { recursive: true });
  // What this build replaces or removes, emptied once it commits or aborts.
  const trash = openTrash(trashFor(out), options.emptying);
  await replayJournal(out, journalPath, trash);
  const stagingDir = path.join(path.dirname(out), `.${path.basename(out)}.staging`);
  // What a killed build staged can be a whole site: out of the way now.
  trash.discard(stagingDir);
  await mkdir(stagingDir, { recursive: true });

  const outExists = (await stat(out).catch(() => null))?.isDirectory() ?? false;
  const previous = outExists ? await loadManifest(manifestPath) : null;
  const incremental = previous !== null;
  const changed =
    previous === null || options.manifest ? null : await changedFiles(out, previous, options.check);
  const staging: Staging = { dir: stagingDir, flat: incremental };
  const produced = new Map<string, FileRecord | Staged>();
  const madeDirs = new Set<string>();

  // Page writes use the synchronous calls on purpose: a page is a few kilobytes in a folder of
  // its own, and measured here the synchronous mkdir+write of 10,000 pages takes under half the
  // time of the same calls through the thread pool, while the main thread has nothing else to do
  // than wait for workers.
  function stagePath(relPath: string): string {
    const target = stagedPath(staging, relPath);
    return staging.flat ? target : ensureDir(target);
  }

  function ensureDir(target: string): string {
    const dir = path.dirname(target);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    return target;
  }

  /** The previous build's record of `relPath` when the output still holds it with `hash`. */
  function asWritten(relPath: string, hash: string): FileRecord | null {
    const before = previous?.get(relPath);
    if (before === undefined || before.hash !== hash) return null;
    const trusted = options.manifest && !options.except?.has(relPath);
    if (!trusted && (changed?.has(relPath) ?? !holds(out, relPath, before))) return null;
    return before;
  }

  /** Counts a file as produced by this build as the previous one left it, when it did. */
  function kept(relPath: string, before: FileRecord | null): boolean {
    if (before !== null) produced.set(relPath, before);
    return before !== null;
  }

  function unchanged(relPath: string, hash: string): boolean {
    return kept(relPath, asWritten(relPath, hash));
  }

  function keepable(relPath: string): FileRecord | null {
    const before = previous?.get(relPath);
    if (before === undefined || produced.has(relPath)) return null;
    return asWritten(relPath, before.hash);
  }

  function claim(relPath: string): void {
    if (produced.has(relPath)) throw new Error(`two pages would be written to ${relPath}`);
  }

  return {
    produced,
    staging,
    previousHash: (relPath) => previous?.get(relPath)?.hash ?? null,
    adopt(relPath, hash, stamp) {
      claim(relPath);
      produced.set(relPath, { staged: hash, stamp });
    },
    async write(relPath, contents) {
      claim(relPath);
      const hash = hashOf(contents);
      if (incremental && unchanged(relPath, hash)) return;
      produced.set(relPath, { staged: hash, stamp: writeStamped(stagePath(relPath), contents) });
    },
    keep(relPath) {
      return kept(relPath, keepable(relPath));
    },
    keepAll(relPaths) {
      const records: [string, FileRecord][] = [];
      for (const relPath of relPaths) {
        const before = keepable(relPath);
        if (before === null) return false;
        records.push([relPath, before]);
      }
      for (const [relPath, before] of records) kept(relPath, before);
      return records.length > 0;
    },
    async writeLines(relPath, lines) {
      const target = stagePath(relPath);
      const hasher = createHash("sha1");
      // Lines go out in chunks of about 64 KB: a stream chunk per line cost more than making
      // the lines, 4.7 s for the two exports of 100,000 articles.
      function* hashed(): Generator<string> {
        let chunk = "";
        for (const line of lines) {
          chunk += line;
          if (chunk.length >= LINES_CHUNK) {
            hasher.update(chunk);
            yield chunk;
            chunk = "";
          }
        }
        hasher.update(chunk);
        if (chunk !== "") yield chunk;
      }
      // A failed write (a full disk) rejects here rather than as an unhandled stream error.
      await pipeline(Readable.from(hashed()), createWriteStream(target)).catch((error: unknown) => {
        throw naming(error, target);
      });
      const hash = hasher.digest("hex");
      if (incremental && unchanged(relPath, hash)) {
        await unlink(target);
        return;
      }
      produced.set(relPath, { staged: hash, stamp: null });
    },
    async commit() {
      let written = 0;
      for (const record of produced.values()) if ("staged" in record) written++;
      const deletes = incremental
        ? [...(previous?.keys() ?? [])].filter((p) => !produced.has(p)).sort()
        : [];
      if (incremental) {
        const moves = [...produced]
          .filter(([, r]) => "staged" in r)
          .map(([p]) => p)
          .sort();
        const journal: Journal = { staging: stagingDir, flat: true, moves, deletes };
        await writeFile(journalPath, JSON.stringify(journal));
        applyJournal(out, journal, trash);
        await rm(journalPath, { force: true });
      } else {
        const old = path.join(path.dirname(out), `.${path.basename(out)}.old`);
        trash.discard(old);
        if (outExists) await rename(out, old);
        await rename(stagingDir, out);
        trash.discard(old);
      }
      await rm(stagingDir, { recursive: true, force: true });
      await saveManifest(manifestPath, out, produced);
      trash.empty();
      return { written, removed: deletes.length };
    },
    async abort() {
      trash.discard(stagingDir);
      trash.empty();
    },
  };
}

/**
 * Whether the output folder holds exactly what the last build wrote: no interrupted commit to
 * finish, and every file in the manifest at the size and modification time it was written with.
 */
export async function outputIntact(out: string, cacheDir: string): Promise<boolean> {
  if ((await stat(path.join(cacheDir, JOURNAL_FILE)).catch(() => null)) !== null) return false;
  const manifest = await loadManifest(path.join(cacheDir, MANIFEST_FILE));
  if (manifest === null || manifest.size === 0) return false;
  for (const [relPath, record] of manifest) if (!holds(out, relPath, record)) return false;
  return true;
}

/** Every file of the manifest that is no longer as recorded in `out`. */
async function changedFiles(
  out: string,
  manifest: Manifest,
  check = async (dir: string, files: readonly RecordedFile[]) => changedOutputs(dir, files),
): Promise<Set<string>> {
  const files: RecordedFile[] = [];
  for (const [relPath, { size, mtimeMs }] of manifest) files.push([relPath, size, mtimeMs]);
  const batches: Promise<string[]>[] = [];
  for (let at = 0; at < files.length; at += CHECK_BATCH)
    batches.push(check(out, files.slice(at, at + CHECK_BATCH)));
  return new Set((await Promise.all(batches)).flat());
}

/** Whether the output file is still at the size and modification time it was written with. */
function holds(out: string, relPath: string, record: Omit<FileRecord, "hash">): boolean {
  const now = statSync(safeJoin(out, relPath), { throwIfNoEntry: false });
  return now !== undefined && now.size === record.size && now.mtimeMs === record.mtimeMs;
}

/** Joins a site-relative path to a folder, refusing anything that would land outside it. */
export function safeJoin(root: string, relPath: string): string {
  const target = path.resolve(root, relPath);
  if (relPath.startsWith("/") || relPath.includes("\\") || !target.startsWith(root + path.sep)) {
    throw new Error(`refusing to write outside the output folder: ${relPath}`);
  }
  return target;
}

/** The hash the manifest keeps of a file's bytes. */
export function hashOf(contents: string | Uint8Array): string {
  return hashOnce("sha1", contents, "hex");
}

/**
 * Applies a journal with synchronous calls, like page writes: thousands of renames go faster.
 * Replaced and removed files go to the trash (see `trash.ts`).
 */
function applyJournal(out: string, journal: Journal, trash: Trash): void {
  const made = new Set<string>();
  for (const relPath of journal.moves) {
    const from = stagedPath({ dir: journal.staging, flat: journal.flat === true }, relPath);
    const to = safeJoin(out, relPath);
    if (!made.has(path.dirname(to))) {
      mkdirSync(path.dirname(to), { recursive: true });
      made.add(path.dirname(to));
    }
    // Gone when an earlier, interrupted commit moved it already.
    if (!existsSync(from)) continue;
    // Renaming over an existing file makes ext4 write the new file's data out first (its
    // `auto_da_alloc`): 150 µs a page on the benchmark machine, against 30 µs to move the old
    // page away and then rename. A commit killed in between leaves the staged file, which the
    // journal moves; a page emptied by a power loss fails the next build's size check and is
    // rewritten.
    trash.discard(to);
    renameSync(from, to);
  }
  for (const relPath of journal.deletes) {
    const target = safeJoin(out, relPath);
    trash.discard(target);
    removeEmptyParents(out, path.dirname(target));
  }
}

function removeEmptyParents(root: string, dir: string): void {
  for (let current = dir; current.startsWith(root + path.sep); current = path.dirname(current)) {
    try {
      rmdirSync(current);
    } catch {
      return;
    }
  }
}

/** Finishes a commit that a killed build left half done, so the output is whole again. */
async function replayJournal(out: string, journalPath: string, trash: Trash): Promise<void> {
  const text = await readFile(journalPath, "utf8").catch(() => null);
  if (text === null) return;
  try {
    applyJournal(out, JSON.parse(text) as Journal, trash);
  } catch (error) {
    throw new BuildError(
      `Could not finish the interrupted update of ${out}: ${(error as Error).message}. Delete ${out} and build again.`,
    );
  }
  await rm(journalPath, { force: true });
}

async function loadManifest(file: string): Promise<Manifest | null> {
  try {
    const lines = (await readFile(file, "utf8")).split("\n");
    const header = JSON.parse(lines[0] ?? "") as { version: number };
    if (header.version !== MANIFEST_VERSION || lines.at(-1) !== "") return null;
    const manifest: Manifest = new Map();
    for (const line of lines.slice(1, -1)) {
      const [relPath, record] = JSON.parse(line) as [string, FileRecord];
      manifest.set(relPath, record);
    }
    return manifest;
  } catch {
    return null;
  }
}

/**
 * Writes the manifest a line per file, a megabyte at a time: one JSON text of 140,000 files was
 * the largest allocation of the commit.
 */
async function saveManifest(
  file: string,
  out: string,
  produced: ReadonlyMap<string, FileRecord | Staged>,
): Promise<void> {
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, "w");
  try {
    let chunk = `${JSON.stringify({ version: MANIFEST_VERSION })}\n`;
    for (const relPath of [...produced.keys()].sort()) {
      let record = produced.get(relPath) as FileRecord | Staged;
      if ("staged" in record) {
        const { size, mtimeMs } = record.stamp ?? statSync(safeJoin(out, relPath));
        record = { hash: record.staged, size, mtimeMs };
      }
      chunk += `${JSON.stringify([relPath, record])}\n`;
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = "";
      }
    }
    await handle.write(chunk);
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}
