import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRebuildQueue } from "../../src/serve/rebuild-queue.js";

/** A rebuild whose completion the test controls. */
function controllable() {
  const calls: string[][] = [];
  let finish: (() => void) | null = null;
  const rebuild = (changed: readonly string[]) => {
    calls.push([...changed]);
    return new Promise<void>((resolve) => {
      finish = resolve;
    });
  };
  return {
    calls,
    rebuild,
    finish() {
      const f = finish;
      finish = null;
      f?.();
    },
  };
}

describe("createRebuildQueue", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("coalesces a burst of 1,000 changes, arriving in clumps, into one rebuild", async () => {
    const rebuild = vi.fn(async (_changed: readonly string[]) => {});
    const queue = createRebuildQueue(rebuild, { debounceMs: 50, burstDebounceMs: 200 });
    for (let i = 0; i < 1000; i++) {
      // Pauses longer than the short quiet time but shorter than the burst one.
      if (i > 0 && i % 100 === 0) await vi.advanceTimersByTimeAsync(150);
      queue.schedule(`in/${i}.txt`);
    }
    expect(rebuild).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(199);
    expect(rebuild).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(rebuild.mock.calls[0]?.[0]).toHaveLength(1000);
    await queue.idle();
  });

  it("rebuilds a single edit after the short quiet time", async () => {
    const rebuild = vi.fn(async (_changed: readonly string[]) => {});
    const queue = createRebuildQueue(rebuild, { debounceMs: 50, burstDebounceMs: 200 });
    queue.schedule("in/a.txt");
    await vi.advanceTimersByTimeAsync(30);
    queue.schedule("in/a.txt");
    await vi.advanceTimersByTimeAsync(49);
    expect(rebuild).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(rebuild).toHaveBeenCalledWith(["in/a.txt"]);
  });

  it("previews changes after the preview's quiet time and rebuilds after the longer one", async () => {
    const order: string[] = [];
    const queue = createRebuildQueue(
      async (changed) => {
        order.push(`rebuild ${changed.join(",")}`);
      },
      {
        debounceMs: 600,
        previewMs: 75,
        preview: async (changed) => {
          order.push(`preview ${changed.join(",")}`);
        },
      },
    );
    queue.schedule("a.txt");
    await vi.advanceTimersByTimeAsync(74);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(["preview a.txt"]);
    // More of the burst: previewed in turn, and rebuilt together once it is quiet.
    await vi.advanceTimersByTimeAsync(300);
    queue.schedule("b.txt");
    queue.schedule("a.txt");
    await vi.advanceTimersByTimeAsync(599);
    expect(order).toEqual(["preview a.txt", "preview b.txt,a.txt"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(["preview a.txt", "preview b.txt,a.txt", "rebuild a.txt,b.txt"]);
    await queue.idle();
  });

  it("never previews beside a rebuild: changes made meanwhile are previewed just before the next", async () => {
    const c = controllable();
    const previews: string[][] = [];
    const queue = createRebuildQueue(c.rebuild, {
      debounceMs: 100,
      previewMs: 10,
      preview: async (changed) => {
        previews.push([...changed]);
      },
    });
    queue.schedule("a");
    await vi.advanceTimersByTimeAsync(100);
    expect(previews).toEqual([["a"]]);
    expect(c.calls).toEqual([["a"]]);
    queue.schedule("b");
    await vi.advanceTimersByTimeAsync(150);
    expect(previews).toEqual([["a"]]);
    c.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(previews).toEqual([["a"], ["b"]]);
    expect(c.calls).toEqual([["a"], ["b"]]);
    c.finish();
    await queue.idle();
  });

  it("reports each changed path once per rebuild", async () => {
    const rebuild = vi.fn(async (_changed: readonly string[]) => {});
    const queue = createRebuildQueue(rebuild, { debounceMs: 20 });
    queue.schedule("a.txt");
    queue.schedule("a.txt");
    queue.schedule("b.txt");
    await vi.advanceTimersByTimeAsync(20);
    expect(rebuild.mock.calls[0]?.[0]).toEqual(["a.txt", "b.txt"]);
    queue.schedule("c.txt");
    await vi.advanceTimersByTimeAsync(20);
    expect(rebuild.mock.calls[1]?.[0]).toEqual(["c.txt"]);
  });

  it("never runs two rebuilds at once and folds changes made meanwhile into one more", async () => {
    const c = controllable();
    const queue = createRebuildQueue(c.rebuild, { debounceMs: 10 });
    queue.schedule("a");
    await vi.advanceTimersByTimeAsync(10);
    expect(c.calls).toEqual([["a"]]);
    for (const p of ["b", "c", "d"]) {
      queue.schedule(p);
      await vi.advanceTimersByTimeAsync(15);
    }
    expect(c.calls).toHaveLength(1);
    c.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.calls).toEqual([["a"], ["b", "c", "d"]]);
    c.finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(c.calls).toHaveLength(2);
  });

  it("idle() waits for the pending and the running rebuild", async () => {
    const c = controllable();
    const queue = createRebuildQueue(c.rebuild, { debounceMs: 10 });
    let idle = false;
    queue.schedule("a");
    void queue.idle().then(() => {
      idle = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(idle).toBe(false);
    c.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toBe(true);
    await expect(queue.idle()).resolves.toBeUndefined();
  });

  it("keeps going after a rebuild fails and hands the error over", async () => {
    const errors: unknown[] = [];
    let n = 0;
    const queue = createRebuildQueue(
      async () => {
        n++;
        if (n === 1) throw new Error("template broken");
      },
      { debounceMs: 5, onError: (e) => errors.push(e) },
    );
    queue.schedule();
    await vi.advanceTimersByTimeAsync(5);
    queue.schedule();
    await vi.advanceTimersByTimeAsync(5);
    expect(n).toBe(2);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("template broken");
  });

  it("close() drops the waiting rebuild, waits for the running one, and ignores later changes", async () => {
    const c = controllable();
    const queue = createRebuildQueue(c.rebuild, { debounceMs: 10 });
    queue.schedule("a");
    await vi.advanceTimersByTimeAsync(10);
    queue.schedule("b");
    let closed = false;
    void queue.close().then(() => {
      closed = true;
    });
    await vi.advanceTimersByTimeAsync(50);
    expect(closed).toBe(false);
    c.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(true);
    queue.schedule("c");
    await vi.advanceTimersByTimeAsync(50);
    expect(c.calls).toEqual([["a"]]);
  });
});
