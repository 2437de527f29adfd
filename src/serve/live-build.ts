import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { BuildEvents } from "../build/analyse-inputs.js";
import { createBuildSession } from "../build/session.js";
import { type ConfigFile, loadConfig } from "../cli/config.js";
import { BuildError, UsageError } from "../core/errors.js";
import { isInside } from "../core/inside.js";
import type { BuildOptions } from "../core/types.js";
import { applyConfigChange } from "./config-reload.js";
import {
  type BuildOutcome,
  type DevState,
  describeBuild,
  INITIAL_STATE,
  nextState,
  plural,
} from "./dev-state.js";
import { createRebuildQueue } from "./rebuild-queue.js";
import { type SourceWatcher, watchSources } from "./watch-sources.js";

/** Options of {@link startLiveBuild}: a build's options plus what to watch and where to log. */
export interface LiveBuildOptions extends BuildOptions {
  /** The config file in force, watched and re-read on change; `null` when there is none. */
  readonly configFile: string | null;
  /** Receives each line meant for the terminal. */
  readonly log: (line: string) => void;
  /** Quiet time after an edit before rebuilding; 600 ms unless a test needs otherwise. */
  readonly debounceMs?: number;
  /** What the terminal is told stays in place when a build fails. */
  readonly keptNote: string;
  /** Progress of the first build, the only long one. */
  readonly firstBuild?: BuildEvents;
}

/** A running build that follows its sources. */
export interface LiveBuild {
  /** The state after the last build that finished. */
  state(): DevState;
  /** The output folder in force: a config change can move it. */
  out(): string;
  /** Stops watching, finishes the build under way and saves the build cache. */
  close(): Promise<void>;
}

function buildOptionsOf(options: LiveBuildOptions): BuildOptions {
  const {
    configFile: _c,
    log: _l,
    debounceMs: _d,
    keptNote: _k,
    firstBuild: _f,
    ...rest
  } = options;
  return { ...rest, quiet: true };
}

/**
 * Builds the site, then watches the inputs, templates and config and rebuilds on change (bursts
 * coalesced), with edited pages written first. `onState` hears of every state change: after the
 * edited pages went out and after each build. Resolves once the first build is done and the
 * watcher is ready, or throws the {@link UsageError} of a first build the command line misled
 * (a missing input, an output folder that must not be replaced). The dev server serves what this
 * writes; `build --watch` only writes it.
 */
export async function startLiveBuild(
  options: LiveBuildOptions,
  onState: (state: DevState) => void,
): Promise<LiveBuild> {
  const cwd = process.cwd();
  const { configFile, log } = options;
  let current = buildOptionsOf(options);
  let config: ConfigFile =
    configFile === null ? {} : await loadConfig(configFile).catch(() => ({}));
  let configChanged = false;
  let state = INITIAL_STATE;

  const session = createBuildSession("on-close");
  /** A command-line mistake the first build found: nothing to watch, the command ends. */
  let misused: UsageError | null = null;
  // A file that came and went without being an input (the temporary file of `sed -i` or of an
  // editor's safe save) changed nothing the build reads.
  const relevant = (changed: readonly string[]) =>
    changed.map((p) => resolve(cwd, p)).filter((p) => !vanished(p, current));
  /** The edited pages go out first; the rebuild then brings listings and search along. */
  const preview = async (changed: readonly string[]): Promise<void> => {
    const paths = relevant(changed);
    if (state.id === 0 || configChanged || paths.length === 0) return;
    const started = performance.now();
    // Told, then left to the rebuild, which reports a real problem the usual way.
    const early = await session.preview(paths).catch((error: unknown) => {
      log(`✗ Writing the edited page early failed: ${String(error)}`);
      return 0;
    });
    if (early > 0) {
      state = { ...state, id: state.id + 1 };
      onState(state);
      log(`↻ ${plural(early, "page")} updated in ${Math.round(performance.now() - started)} ms`);
    }
  };
  const rebuild = async (changed: readonly string[]): Promise<void> => {
    const started = performance.now();
    let outcome: BuildOutcome;
    const paths = relevant(changed);
    if (state.id > 0 && !configChanged && paths.length === 0) return;
    try {
      if (configChanged && configFile !== null) {
        configChanged = false;
        const after = await loadConfig(configFile);
        const before = current;
        current = applyConfigChange(current, config, after, cwd);
        config = after;
        if (watchTargetsDiffer(before, current)) await rewatch();
      }
      const events = state.id === 0 ? (options.firstBuild ?? {}) : {};
      outcome = { kind: "built", result: await session.build(current, events, paths) };
    } catch (error) {
      if (state.id === 0 && error instanceof UsageError) {
        misused = error;
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      // A user's mistake is told by its message; anything else is a bug, and its stack helps.
      if (!(error instanceof BuildError || error instanceof UsageError)) {
        log(String((error as Error).stack ?? error));
      }
      outcome = { kind: "failed", message };
    }
    const next = nextState(state, outcome);
    const shown = paths.map((p) => relative(cwd, p) || p);
    const ms = performance.now() - started;
    for (const line of describeBuild(state, next, outcome, shown, ms, options.keptNote)) log(line);
    const changedState = next.id !== state.id;
    state = next;
    if (changedState) onState(state);
  };

  /** Gone, and neither an input (or a folder of inputs) of the last build nor a template. */
  const vanished = (path: string, options: BuildOptions) =>
    !existsSync(path) &&
    path !== (configFile === null ? null : resolve(configFile)) &&
    !isInside(resolve(cwd, options.templates), path) &&
    !session.readInput(path);
  const queue = createRebuildQueue(rebuild, {
    // The watcher hands over the first change of a burst at once and may hold the rest up to
    // 500 ms: waiting longer makes a burst (a save through a temporary file, a `git checkout`, a
    // scraper writing a folder) one rebuild. The edited pages need no such wait.
    debounceMs: options.debounceMs ?? 600,
    // Once several files changed: a writer on a loaded machine can also stall between files.
    burstDebounceMs: 1000,
    preview,
    // Longer than the 50 ms in which the watcher gathers what follows a first change.
    previewMs: 75,
    onError: (error) => log(`✗ ${String(error)}`),
  });
  const note = (path: string) => {
    if (configFile !== null && path === resolve(configFile)) configChanged = true;
    queue.schedule(path);
  };
  const events = {
    onChange: note,
    onError: (error: unknown) => log(`✗ Watching failed: ${String(error)}`),
  };
  const startWatching = () => watchSources({ ...current, configFile }, events);
  let watching: SourceWatcher = startWatching();
  const rewatch = async () => {
    await watching.close();
    watching = startWatching();
    await watching.ready;
  };

  // Until the caller holds the handle to close, Ctrl-C would kill the process mid-write: finish
  // cleanly.
  const stopEarly = () => {
    log("Stopping after the current build…");
    void Promise.all([queue.close(), watching.close()])
      .then(() => session.close())
      .then(() => process.exit(130));
  };
  process.once("SIGINT", stopEarly);
  try {
    queue.schedule();
    await Promise.all([queue.idle(), watching.ready]);
  } finally {
    process.off("SIGINT", stopEarly);
  }
  if (misused !== null) {
    await Promise.all([watching.close(), queue.close()]);
    await session.close();
    throw misused;
  }

  return {
    state: () => state,
    out: () => resolve(cwd, current.out),
    async close() {
      await Promise.all([watching.close(), queue.close()]);
      await session.close();
    },
  };
}

function watchTargetsDiffer(a: BuildOptions, b: BuildOptions): boolean {
  return (
    a.out !== b.out || a.templates !== b.templates || a.inputs.join("\0") !== b.inputs.join("\0")
  );
}
