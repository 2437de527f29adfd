import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { groupNearDuplicates } from "../clean/near-duplicates.js";
import { createProfileBuilder } from "../clean/profile.js";
import { createPhaseTimer } from "../core/timing.js";
import type { BuildOptions, Diagnostic } from "../core/types.js";
import { findInputs } from "../load/find-inputs.js";
import { readAhead } from "../load/read-ahead.js";
import type { ArticleRecord } from "../model/archive.js";
import { createStringSharer } from "../model/share-strings.js";
import { ByteStore } from "../render/search/byte-store.js";
import { type BuildCache, type CachedClean, type CachedLearned, digest } from "./cache.js";
import { inBatches, type TaskRunner } from "./pool.js";
import { releaseWhenRead, type Spool, type SpoolRef } from "./spool.js";
import type { CleanMode, TaskFile } from "./tasks.js";

/** Progress callbacks, for a progress bar. */
export interface BuildEvents {
  readonly onPhase?: (phase: "read" | "clean" | "render", total: number) => void;
  readonly onProgress?: (done: number) => void;
}

/** Files per task sent to a worker: large enough to amortise messaging, small enough to balance. */
const BATCH = 64;

/** Where the build keeps what it needs to rebuild only what changed: beside the output. */
export function cacheDirFor(out: string): string {
  return path.join(path.dirname(out), ".broadsheet-cache", path.basename(out));
}

/** Parsed, cleaned and modelled inputs, before rendering. */
export interface Analysed {
  /** Input files found, articles or not. */
  readonly found: number;
  /** Files that parsed into an article, parallel to `records`. */
  readonly files: readonly TaskFile[];
  /** Emptied by a build once modelled: the archive keeps what it needs of them. */
  readonly records: ArticleRecord[];
  readonly diagnostics: Diagnostic[];
  readonly nearDuplicates: number[][];
  readonly mode: CleanMode;
  /** Identifies the cleaning profile, so cached cleaning is reused only under the same one. */
  readonly profileDigest: string;
  /** First-pass results and cleaned records to keep for the next build. */
  readonly learned: Map<string, CachedLearned>;
  readonly cleans: Map<string, CachedClean>;
  /** Articles this build cleaned, by display path, where its spool holds them. */
  readonly spooled: ReadonlyMap<string, SpoolRef>;
}

/** What a build already knows before analysing its inputs. */
export interface AnalyseContext {
  readonly events?: BuildEvents;
  /** The previous build's cache, to reuse what it learned and cleaned. */
  readonly cache?: BuildCache;
  /** Input files a watcher saw change; other inputs are trusted unchanged. */
  readonly changed?: ReadonlySet<string> | null;
  /** The input files, already found, with each one's size and modification time. */
  readonly found?: FoundInputs;
  /** Where to leave cleaned articles for rendering; none when nothing is rendered. */
  readonly spool?: Spool;
}

/** Input files as found, with each one's size and modification time by absolute path. */
export interface FoundInputs {
  readonly files: readonly TaskFile[];
  readonly stats: ReadonlyMap<string, FileStat>;
}

/** Size and modification time of an input file; -1 when it cannot be read. */
export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
}

/** Finds, reads, parses and cleans the inputs, and finds near-duplicate bodies. */
export async function analyseInputs(
  options: BuildOptions,
  out: string,
  runner: TaskRunner,
  { events = {}, cache, changed = null, found, spool }: AnalyseContext = {},
): Promise<Analysed> {
  const files =
    found?.files ??
    (await findInputs(options.inputs, process.cwd(), [out, path.dirname(cacheDirFor(out))]));
  const parallel = Math.max(2, options.workers * 4);
  const diagnostics: Diagnostic[] = [];
  let done = 0;

  const lap = createPhaseTimer();
  lap("find");
  events.onPhase?.("read", files.length);
  const profile = options.raw ? null : createProfileBuilder();
  const hashes = new Map<string, string>();
  const { learned, parsed } = await learnAll(files, runner, {
    parallel,
    cache,
    changed,
    known: found?.stats,
    spool,
    onDone: (n) => {
      done += n;
      events.onProgress?.(done);
    },
  });
  lap("learn");
  for (const file of files) {
    const entry = learned.get(file.absolute)?.learned;
    if (entry === undefined) continue;
    diagnostics.push(...entry.diagnostics);
    if (entry.contentHash === null || entry.facts === null) continue;
    hashes.set(file.display, entry.contentHash);
    profile?.addFacts(entry.facts);
  }
  const mode: CleanMode =
    profile === null ? { raw: true } : { raw: false, profile: profile.finish() };
  const profileDigest = mode.raw ? "raw" : digest(mode.profile);

  lap("profile");
  events.onPhase?.("clean", files.length);
  done = 0;
  const records: ArticleRecord[] = [];
  const kept: TaskFile[] = [];
  const signatures: { id: number; signature: Uint32Array }[] = [];
  const cleans = new Map<string, CachedClean>();
  const reusable = (file: TaskFile) => {
    const hit = cache?.cleans.get(file.absolute);
    const hash = hashes.get(file.display);
    return hit !== undefined &&
      hit.record.contentHash === hash &&
      hit.profileDigest === profileDigest
      ? hit
      : null;
  };
  const toClean = files.filter((f) => hashes.has(f.display) && reusable(f) === null);
  const fresh = new Map<string, CachedClean>();
  const share = createStringSharer();
  const signatureStore = new ByteStore();
  const spooled = new Map<string, SpoolRef>();
  let launched = 0;
  const cleanBatch = (b: readonly TaskFile[]) => {
    const spoolFile = spool?.fileOf("cleaned", launched++) ?? null;
    return runner.clean(
      b,
      mode,
      spoolFile,
      b.map((f) => parsed.get(f.absolute) ?? null),
    );
  };
  const release = releaseWhenRead(parsed.values());
  let next = 0;
  let batches = 0;
  for await (const batch of inBatches(toClean, BATCH, parallel, cleanBatch)) {
    const spoolFile = spool?.fileOf("cleaned", batches++) ?? "";
    for (const cleaned of batch) {
      const file = toClean[next++] as TaskFile;
      release(parsed.get(file.absolute));
      // Results name no file: the found file's path is the one string the entry keeps.
      const display = file.display;
      if (cleaned.record === null) continue;
      const record = share.record(cleaned.record, display);
      const signature =
        cleaned.signature === null ? null : signatureStore.copyWords(cleaned.signature);
      fresh.set(display, { profileDigest, record, signature });
      if (cleaned.spooled !== null) spooled.set(display, { file: spoolFile, ...cleaned.spooled });
    }
    done += batch.length;
    events.onProgress?.(done);
  }
  for (const file of files) {
    const entry = reusable(file) ?? fresh.get(file.display);
    if (entry === undefined) continue;
    cleans.set(file.absolute, entry);
    if (entry.signature !== null)
      signatures.push({ id: records.length, signature: entry.signature });
    records.push(entry.record);
    kept.push(file);
  }
  parsed.clear();
  await spool?.drop("parsed");
  lap("clean");
  const nearDuplicates = signatures.length > 0 ? groupNearDuplicates(signatures) : [];
  return {
    found: files.length,
    files: kept,
    records,
    diagnostics,
    nearDuplicates,
    mode,
    profileDigest,
    learned,
    cleans,
    spooled,
  };
}

/** What `learnAll` may reuse, how much it runs at once, and whom it tells of progress. */
interface LearnContext {
  readonly parallel: number;
  readonly cache: BuildCache | undefined;
  /** Files a watcher saw change, or `null` to check every file. */
  readonly changed: ReadonlySet<string> | null;
  /** Sizes and modification times already taken, by absolute path. */
  readonly known: ReadonlyMap<string, FileStat> | undefined;
  /** Where to leave the parsed articles for the cleaning pass. */
  readonly spool: Spool | undefined;
  readonly onDone: (n: number) => void;
}

/** The first pass's results by absolute path, and where it spooled the articles it parsed. */
interface LearnedAll {
  readonly learned: Map<string, CachedLearned>;
  readonly parsed: Map<string, SpoolRef>;
}

/**
 * The first pass over every file: diagnostics and profile facts, reused from the cache for files
 * whose size and modification time are unchanged, so an unchanged corpus is not parsed again.
 * With a watcher's list of `changed` files, the others are reused without even a `stat`.
 */
async function learnAll(
  files: readonly TaskFile[],
  runner: TaskRunner,
  { parallel, cache, changed, known, spool, onDone }: LearnContext,
): Promise<LearnedAll> {
  const result = new Map<string, CachedLearned>();
  const parsed = new Map<string, SpoolRef>();
  const stale: { file: TaskFile; size: number; mtimeMs: number }[] = [];
  const toStat: TaskFile[] = [];
  const trusted = changed !== null && onlyInputs(changed, files) ? changed : null;
  for (const file of files) {
    const hit = trusted === null ? undefined : cache?.learned.get(file.absolute);
    if (hit !== undefined && !trusted?.has(file.absolute)) {
      result.set(file.absolute, hit);
      onDone(1);
    } else {
      toStat.push(file);
    }
  }
  for (const file of toStat) {
    const { size, mtimeMs } = known?.get(file.absolute) ?? statOf(file);
    const hit = cache?.learned.get(file.absolute);
    if (hit !== undefined && hit.size === size && hit.mtimeMs === mtimeMs) {
      result.set(file.absolute, hit);
      onDone(1);
    } else {
      stale.push({ file, size, mtimeMs });
    }
  }
  let launched = 0;
  const learn = async (batch: readonly (typeof stale)[number][]) => {
    const files = batch.map((s) => s.file);
    const spoolFile = spool?.fileOf("parsed", launched++) ?? null;
    const ahead = await readAhead(batch.map((s) => ({ absolute: s.file.absolute, size: s.size })));
    // One result for the whole batch, which carries its spool file's spans.
    return [await runner.learn(files, ahead, spoolFile)];
  };
  let i = 0;
  let batches = 0;
  for await (const [batch] of inBatches(stale, BATCH, parallel, learn)) {
    const spoolFile = spool?.fileOf("parsed", batches++) ?? "";
    if (batch === undefined) continue;
    batch.learned.forEach((entry, k) => {
      const s = stale[i++];
      if (s === undefined) return;
      result.set(s.file.absolute, { size: s.size, mtimeMs: s.mtimeMs, learned: entry });
      const span = batch.spooled[k];
      if (span != null) parsed.set(s.file.absolute, { file: spoolFile, ...span });
    });
    onDone(batch.learned.length);
  }
  return { learned: result, parsed };
}

/**
 * Whether every changed path that still exists is an input file as found. A path outside that
 * set (a template, or an input reached by another spelling of its path) means the list cannot be
 * trusted to name every changed input.
 */
function onlyInputs(changed: ReadonlySet<string>, files: readonly TaskFile[]): boolean {
  if (changed.size === 0) return true;
  const inputs = new Set(files.map((f) => f.absolute));
  for (const p of changed) if (!inputs.has(p) && existsSync(p)) return false;
  return true;
}

/** Size and modification time of a file; -1 when it cannot be read, so it is parsed (and reported). */
export function statOf(file: TaskFile): FileStat {
  const info = statSync(file.absolute, { throwIfNoEntry: false });
  return { size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? -1 };
}
