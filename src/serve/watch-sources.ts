import { basename, join, resolve, sep } from "node:path";
import { type FSWatcher, watch } from "chokidar";

/** What `broadsheet dev` watches, all as given (relative paths are taken from the working folder). */
export interface WatchTargets {
  readonly inputs: readonly string[];
  readonly templates: string;
  readonly configFile: string | null;
  /** The output folder: writing it must not trigger another build. */
  readonly out: string;
}

/** Absolute paths to watch for a set of targets. */
export function watchedPaths(targets: WatchTargets): string[] {
  const paths = [...targets.inputs, targets.templates];
  if (targets.configFile !== null) paths.push(targets.configFile);
  return [...new Set(paths.map((p) => resolve(p)))];
}

/**
 * Decides which paths a watcher skips: the output, its staging folder and build cache beside it,
 * dotfiles and dot-folders (`.git`, editor swap files), `node_modules` and `~` backups. A path
 * the user names explicitly is never skipped.
 */
export function createIgnore(targets: WatchTargets): (path: string) => boolean {
  const out = resolve(targets.out);
  const named = new Set(watchedPaths(targets));
  return (path) => {
    const abs = resolve(path);
    if (named.has(abs)) return false;
    if (abs === out || abs.startsWith(out + sep)) return true;
    const name = basename(abs);
    return name.startsWith(".") || name === "node_modules" || name.endsWith("~");
  };
}

/** What the watcher reports. */
export interface WatchEvents {
  /**
   * A file system event, as the kernel reports it, for a path that is not ignored. These come at
   * once, unlike chokidar's own events, which it holds back up to a second while it reads a folder
   * that keeps changing: timing the quiet period on them keeps a burst in one rebuild.
   */
  readonly onActivity: (path: string) => void;
  /** A file added, changed or removed, with its modification time when it still exists. */
  readonly onChange: (path: string, mtimeMs: number | null) => void;
  readonly onError: (error: unknown) => void;
}

/** Watches the inputs, templates and config file. */
export function watchSources(
  targets: WatchTargets,
  events: WatchEvents,
): { watcher: FSWatcher; ready: Promise<void> } {
  const ignored = createIgnore(targets);
  const watcher = watch(watchedPaths(targets), { ignoreInitial: true, ignored });
  const ready = new Promise<void>((resolveReady) => watcher.once("ready", () => resolveReady()));
  watcher.on("error", events.onError);
  watcher.on("raw", (_event, name, details) => {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath ?? "";
    // A watched file reports its own base name; a watched folder reports the entry's name.
    const path = basename(watched) === name ? watched : join(watched, name);
    if (name !== "" && !ignored(path)) events.onActivity(resolve(path));
  });
  watcher.on("all", (event, path, stats) => {
    if (event !== "addDir") events.onChange(resolve(path), stats?.mtimeMs ?? null);
  });
  return { watcher, ready };
}
