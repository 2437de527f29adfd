import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { build } from "../../src/build/build.js";
import { cleanup, listFiles, ROOT, readSite, tempDir, testOptions } from "../helpers.js";

// Every archive counts as large here: the search index is finished before the listing pages.
vi.mock("../../src/build/phase-order.js", () => ({ INDEX_ALONE_FROM: 0 }));

const FIXTURE = path.join(ROOT, "tests/sites/basic/seeds");
const GOLDEN = path.join(ROOT, "tests/sites/basic/golden");

describe("a build that finishes its search index before the listing pages", () => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = await tempDir();
    out = path.join(dir, "site");
    await build(testOptions([FIXTURE], out, { baseUrl: "https://example.org/archive/" }));
  });
  afterAll(() => cleanup(dir));

  it("makes the same site as one that does both at once", async () => {
    const files = await listFiles(out);
    await expect(`${files.join("\n")}\n`).toMatchFileSnapshot(path.join(GOLDEN, "files.txt"));
    for (const page of ["index.html", "authors/jane-doe/index.html", "2019/03/index.html"]) {
      await expect(await readSite(out, page)).toMatchFileSnapshot(path.join(GOLDEN, page));
    }
    expect(files.filter((f) => f.startsWith("search/index/")).length).toBeGreaterThan(3);
  });
});
