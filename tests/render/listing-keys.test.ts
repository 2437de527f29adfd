import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/core/types.js";
import { entryView, pageDataJson } from "../../src/render/pages/common.js";
import { testEntry } from "../helpers.js";

function entry(title: string): Entry {
  return testEntry({
    path: "2018/05/01/story/index.html",
    file: "story.txt",
    title,
    authors: [{ name: "Jane Doe", slug: "jane-doe" }],
    published: {
      year: 2018,
      month: 5,
      day: 1,
      precision: "date",
      iso: "2018-05-01",
      epochMs: Date.UTC(2018, 4, 1),
    },
    domain: "example.com",
    summary: "A summary.",
  });
}

describe("listing page keys", () => {
  it("key an entry's view by a digest, the same on every page that shows it", () => {
    const shown = entry("A title");
    const first = pageDataJson({ entries: [entryView(shown)] });
    expect(pageDataJson({ entries: [entryView(shown)] })).toBe(first);
    expect(first).not.toContain("A title");
  });

  it("change when what the view shows changes", () => {
    const before = pageDataJson({ entries: [entryView(entry("A title"))] });
    const after = pageDataJson({ entries: [entryView(entry("Another title"))] });
    expect(after).not.toBe(before);
  });

  it("send a worker only the fields the listing shows", () => {
    const view = entryView(entry("A title"));
    expect(deserialize(serialize(view))).toStrictEqual({
      path: "2018/05/01/story/index.html",
      title: "A title",
      published: { iso: "2018-05-01" },
      dateText: "1 May 2018",
      domain: "example.com",
      authors: [{ name: "Jane Doe" }],
      readingMinutes: 1,
      summary: "A summary.",
    });
  });
});
