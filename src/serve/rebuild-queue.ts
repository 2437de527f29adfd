/** Coalesces bursts of file changes into as few rebuilds as possible, never two at once. */
export interface RebuildQueue {
  /** Notes a change; a rebuild starts once no change has arrived for `debounceMs`. */
  schedule(path?: string): void;
  /** Resolves once no rebuild is waiting or running. */
  idle(): Promise<void>;
  /** Drops a waiting rebuild, waits for a running one, and ignores later changes. */
  close(): Promise<void>;
}

/** Options of {@link createRebuildQueue}. */
export interface RebuildQueueOptions {
  /** Quiet time after the last change before rebuilding an edit of one or two files. */
  readonly debounceMs: number;
  /**
   * Quiet time once several files have changed: a `git checkout` or a scraper writing a folder
   * delivers its events in clumps with pauses between them, and each pause must not start a build.
   */
  readonly burstDebounceMs?: number;
  /** Distinct changed paths that make a burst. */
  readonly burstThreshold?: number;
  /** Receives a rejected rebuild or preview; the queue itself keeps going. */
  readonly onError?: (error: unknown) => void;
  /**
   * Called with the paths changed since it was last called, ahead of the rebuild that includes
   * them: once changes have been quiet for `previewMs` while no rebuild runs, or else just
   * before that rebuild. Never runs beside a rebuild.
   */
  readonly preview?: (changed: readonly string[]) => Promise<void>;
  readonly previewMs?: number;
}

/**
 * Creates a queue that calls `rebuild` with the paths changed since the last call. Changes that
 * arrive while a rebuild runs are gathered into exactly one follow-up rebuild.
 */
export function createRebuildQueue(
  rebuild: (changed: readonly string[]) => Promise<void>,
  {
    debounceMs,
    burstDebounceMs = Math.max(debounceMs, 250),
    burstThreshold = 3,
    onError = () => {},
    preview,
    previewMs = debounceMs,
  }: RebuildQueueOptions,
): RebuildQueue {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let previewTimer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let previewing: Promise<void> | null = null;
  /** Changed paths no preview has been given yet. */
  const unpreviewed = new Set<string>();
  let dueWhileRunning = false;
  let closed = false;
  let changed = new Set<string>();
  let waiters: (() => void)[] = [];

  const settleIfIdle = (): void => {
    if (timer !== null || running !== null) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const previewOf = async (paths: readonly string[]): Promise<void> => {
    for (const p of paths) unpreviewed.delete(p);
    if (preview === undefined || paths.length === 0) return;
    try {
      await preview(paths);
    } catch (error) {
      onError(error);
    }
  };

  const runPreview = (): void => {
    previewTimer = null;
    if (running !== null || previewing !== null || unpreviewed.size === 0) return;
    previewing = previewOf([...unpreviewed]).then(() => {
      previewing = null;
      previewSoon();
    });
  };

  /** Restarts the preview's quiet time, unless a rebuild will preview first anyway. */
  const previewSoon = (): void => {
    if (preview === undefined || closed || running !== null || unpreviewed.size === 0) return;
    if (previewTimer !== null) clearTimeout(previewTimer);
    previewTimer = setTimeout(runPreview, previewMs);
  };

  const run = (): void => {
    timer = null;
    if (running !== null) {
      dueWhileRunning = true;
      return;
    }
    const batch = [...changed];
    changed = new Set();
    running = (async () => {
      try {
        await previewing;
        await previewOf(batch.filter((p) => unpreviewed.has(p)));
        await rebuild(batch);
      } catch (error) {
        onError(error);
      }
    })().then(() => {
      running = null;
      if (dueWhileRunning && !closed) {
        // The quiet period already passed while the rebuild ran; waiting again adds only latency.
        dueWhileRunning = false;
        run();
        return;
      }
      dueWhileRunning = false;
      previewSoon();
      settleIfIdle();
    });
  };

  return {
    schedule(path) {
      if (closed) return;
      if (path !== undefined) {
        changed.add(path);
        unpreviewed.add(path);
      }
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, changed.size >= burstThreshold ? burstDebounceMs : debounceMs);
      previewSoon();
    },
    idle() {
      if (timer === null && running === null) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      if (previewTimer !== null) clearTimeout(previewTimer);
      timer = null;
      previewTimer = null;
      await previewing;
      dueWhileRunning = false;
      if (running !== null) await running;
      settleIfIdle();
    },
  };
}
