import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import { cleanup, listFiles, readSite, tempDir, testOptions } from "../helpers.js";
import { injectedMarkup } from "../html-check.js";

const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "' onmouseover='alert(1)",
  "</textarea><svg onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "[x](javascript:alert(1))",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
  "</script><script>alert(1)</script>",
  "<!--",
  "]]>",
  "\u2028\u2029",
];

/** Any text, laced with payloads that try to break out of every context a value lands in. */
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 12 })), { maxLength: 4 })
  .map((parts) => parts.join(" ").replace(/[\r\n]/g, " "));

describe("hostile input", () => {
  it("never produces script, event handlers, javascript: links or unescaped markup", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            url: hostile,
            authors: fc.array(hostile, { maxLength: 3 }),
            title: hostile,
            body: fc.array(hostile, { minLength: 1, maxLength: 4 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (articles) => {
          const dir = await tempDir();
          try {
            const input = path.join(dir, "in");
            await mkdir(input);
            for (const [i, a] of articles.entries()) {
              const authors = `[${a.authors.map((name) => JSON.stringify(name)).join(", ")}]`;
              const url = i % 2 === 0 ? `https://example.com/${encodeURIComponent(a.url)}` : a.url;
              const body = a.body.join("\n\n");
              await writeFile(
                path.join(input, `${i}.txt`),
                `${url}\n${authors}\n2019-01-0${i + 1} 00:00:00\n${a.title}\n \n${body}\n`,
              );
            }
            const out = path.join(dir, "site");
            await build(
              testOptions([input], out, { includeSuspect: true, baseUrl: "https://example.org/" }),
            );
            for (const file of (await listFiles(out)).filter((f) => f.endsWith(".html"))) {
              expect([file, injectedMarkup(await readSite(out, file))]).toEqual([file, []]);
            }
          } finally {
            await cleanup(dir);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 180_000);
});
