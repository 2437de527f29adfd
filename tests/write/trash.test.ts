import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Deletions, emptyTrash, openTrash, trashFor } from "../../src/write/trash.js";
import { cleanup, tempDir } from "../helpers.js";

describe("the trash", () => {
  it("sits beside the output folder", () => {
    expect(trashFor("/srv/www/site")).toBe("/srv/www/.site.trash");
  });

  it("takes files and folders out of the way, and is gone once emptied", async () => {
    const dir = await tempDir();
    const root = path.join(dir, ".site.trash");
    await mkdir(path.join(dir, "site", "a"), { recursive: true });
    await writeFile(path.join(dir, "site", "a", "index.html"), "old");
    await writeFile(path.join(dir, "site", "b.html"), "old");
    const deletions = new Deletions();
    const trash = openTrash(root, deletions);
    trash.discard(path.join(dir, "site", "b.html"));
    trash.discard(path.join(dir, "site", "a"));
    trash.discard(path.join(dir, "site", "never-there.html"));
    expect(await readdir(path.join(dir, "site"))).toEqual([]);
    const [folder] = await readdir(root);
    expect((await readdir(path.join(root, folder ?? ""))).sort()).toEqual(["0", "1"]);
    trash.empty();
    await deletions.settled();
    expect(await readdir(dir)).toEqual(["site"]);
    await cleanup(dir);
  });

  it("deletes at once what it cannot take", async () => {
    const dir = await tempDir();
    // A file where the trash folder would go.
    const root = path.join(dir, ".site.trash");
    await writeFile(root, "in the way");
    await mkdir(path.join(dir, "site"));
    await writeFile(path.join(dir, "site", "b.html"), "old");
    const trash = openTrash(root);
    trash.discard(path.join(dir, "site", "b.html"));
    expect(await readdir(path.join(dir, "site"))).toEqual([]);
    trash.empty();
    expect(await readdir(dir)).toEqual([".site.trash", "site"]);
    await cleanup(dir);
  });

  it("is emptied whole by the detached emptier, leftovers of earlier commits too", async () => {
    const dir = await tempDir();
    const root = path.join(dir, ".site.trash");
    for (const folder of ["1-1-1", "2-2-2"]) {
      await mkdir(path.join(root, folder, "0"), { recursive: true });
      await writeFile(path.join(root, folder, "0", "index.html"), "old");
    }
    emptyTrash(root);
    expect(await readdir(dir)).toEqual([]);
    emptyTrash(root);
    await cleanup(dir);
  });
});
