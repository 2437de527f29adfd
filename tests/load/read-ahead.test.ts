import { rm, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readAhead, readAheadBytes } from "../../src/load/read-ahead.js";
import { tempDir } from "../helpers.js";

let dir = "";
afterEach(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
  dir = "";
});

const text = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString());

describe("reading a batch of inputs ahead of the workers", () => {
  it("gives each file its own bytes from one shared buffer", async () => {
    dir = await tempDir("read-ahead-");
    const files = [
      { name: "a.txt", body: "first file\n" },
      { name: "empty.txt", body: "" },
      { name: "c.txt", body: "ðŸ‡·ðŸ‡º and “quotes”\n".repeat(50) },
    ];
    for (const f of files) await writeFile(path.join(dir, f.name), f.body);
    const ahead = await readAhead(
      files.map((f) => ({ absolute: path.join(dir, f.name), size: Buffer.byteLength(f.body) })),
    );
    expect(files.map((_, i) => text(readAheadBytes(ahead, i)))).toEqual(files.map((f) => f.body));
    // One buffer for the batch, so the batch moves to a worker as one transfer.
    const buffers = new Set(files.map((_, i) => readAheadBytes(ahead, i)?.buffer));
    expect(buffers.size).toBe(1);
  });

  it("leaves to the worker a file that is gone, unreadable or not the size it was found with", async () => {
    dir = await tempDir("read-ahead-");
    await writeFile(path.join(dir, "grew.txt"), "longer than it was");
    await writeFile(path.join(dir, "shrank.txt"), "short");
    await writeFile(path.join(dir, "fine.txt"), "fine");
    const ahead = await readAhead([
      { absolute: path.join(dir, "gone.txt"), size: 10 },
      { absolute: path.join(dir, "grew.txt"), size: 6 },
      { absolute: path.join(dir, "shrank.txt"), size: 50 },
      { absolute: path.join(dir, "unstatable.txt"), size: -1 },
      { absolute: dir, size: 4096 },
      { absolute: path.join(dir, "fine.txt"), size: 4 },
    ]);
    expect([0, 1, 2, 3, 4, 5].map((i) => text(readAheadBytes(ahead, i)))).toEqual([
      null,
      null,
      null,
      null,
      null,
      "fine",
    ]);
  });

  it("reads at most 64 MiB for a batch and leaves the files past it to the worker", async () => {
    dir = await tempDir("read-ahead-");
    const sizes = [40, 30, 1].map((mib) => mib * 1024 * 1024);
    const files = sizes.map((size, i) => ({ absolute: path.join(dir, `${i}.txt`), size }));
    for (const file of files) {
      await writeFile(file.absolute, "");
      await truncate(file.absolute, file.size);
    }
    const ahead = await readAhead(files);
    expect(files.map((_, i) => readAheadBytes(ahead, i)?.length ?? null)).toEqual([
      sizes[0],
      null,
      sizes[2],
    ]);
    expect(ahead.bytes.length).toBeLessThanOrEqual(64 * 1024 * 1024);
  });

  it("reads nothing when nothing was read ahead", () => {
    expect(readAheadBytes(null, 0)).toBeNull();
  });
});
