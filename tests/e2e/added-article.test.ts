import { cp, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import { pageEntry } from "../../src/render/pages/article.js";
import {
  cleanup,
  expectSameAsCleanBuild,
  listFiles,
  ROOT,
  tempDir,
  testEntry,
  testOptions,
} from "../helpers.js";

const FIXTURE = path.join(ROOT, "tests/sites/basic/seeds");

const NEWEST = `https://www.example-news.com/2030/01/01/local/tide-station/index.html
['Ada Newcomer']
2030-01-01 08:00:00
The tide station publishes its first year of readings
 
Volunteers at the tide station on the northern bay published a year of readings on a holiday morning.

Their instruments recorded swells that repeat every nineteen minutes, with no wind to raise them.
`;

describe("a rebuild after a newer article arrived", () => {
  it("leaves the pages it does not change as they were, and matches a clean build", async () => {
    const dir = await tempDir();
    try {
      const input = path.join(dir, "in");
      await cp(FIXTURE, input, { recursive: true });
      const options = testOptions([input], path.join(dir, "site"));
      await build(options);
      const before = new Map<string, { bytes: string; mtimeMs: number }>();
      for (const file of await listFiles(options.out)) {
        const at = path.join(options.out, file);
        before.set(file, { bytes: await readFile(at, "utf8"), mtimeMs: (await stat(at)).mtimeMs });
      }
      await writeFile(path.join(input, "z-newest.txt"), NEWEST);
      const result = await build(options);
      await expectSameAsCleanBuild(options.out, options, dir);

      // The harbour article is neither the newest before nor next to the new one: its page,
      // and the listing of its day, stay the very files they were.
      for (const page of [
        "2019/03/14/harbour-reopens-after-storm-repairs/index.html",
        "2019/03/14/index.html",
      ]) {
        const was = before.get(page);
        const at = path.join(options.out, page);
        expect([page, await readFile(at, "utf8")]).toEqual([page, was?.bytes]);
        expect([page, (await stat(at)).mtimeMs]).toEqual([page, was?.mtimeMs]);
      }
      expect(result.written).toBeLessThan(before.size / 2);
    } finally {
      await cleanup(dir);
    }
  }, 60_000);

  it("gives an article page no number of the article's place, which every newer one shifts", () => {
    const entry = testEntry({ id: 3 });
    expect(pageEntry(entry)).toEqual(pageEntry({ ...entry, id: 4 }));
    expect(pageEntry(entry)).not.toHaveProperty("id");
  });
});
