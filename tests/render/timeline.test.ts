import { describe, expect, it } from "vitest";
import type { DateGroup } from "../../src/model/group.js";
import { renderTimeline } from "../../src/render/timeline.js";

const month = (value: number, n: number): DateGroup => ({
  value,
  ids: Array.from({ length: n }, (_, i) => i),
  children: [],
});

describe("timeline", () => {
  it("draws one linked bar per month with articles, oldest first, spanning empty months", () => {
    const years: DateGroup[] = [
      { value: 2019, ids: [], children: [month(2, 3)] },
      { value: 2018, ids: [], children: [month(12, 1), month(11, 6)] },
    ];
    const svg = renderTimeline(years, "../");
    const links = [...svg.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([
      "../2018/11/index.html",
      "../2018/12/index.html",
      "../2019/02/index.html",
    ]);
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('aria-label="November 2018: 6 articles"');
    expect(svg).toContain('viewBox="0 0 40 ');
  });

  it("draws nothing without dated articles", () => {
    expect(renderTimeline([], "")).toBe("");
  });
});
