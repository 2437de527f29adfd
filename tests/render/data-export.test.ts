import { describe, expect, it } from "vitest";
import { csvRows, exportRecord } from "../../src/render/data-export.js";
import { testEntry } from "../helpers.js";

const record = (n: number) =>
  exportRecord(
    testEntry({
      id: n,
      title: n % 3 === 0 ? `Quote "${n}", comma` : `Title ${n}`,
      authors: [
        { name: "Ann Lee", slug: "ann-lee" },
        { name: `Writer ${n}`, slug: `writer-${n}` },
      ],
    }),
    n % 2 ? [{ file: "f", line: 3, severity: "warning", message: "m", rule: "parse/x" }] : [],
  );

describe("csvRows", () => {
  it("writes each record as its own line would be, across batches", () => {
    const records = Array.from({ length: 1300 }, (_, n) => record(n));
    const text = [...csvRows(records)].join("");
    const alone = records.map((r) => [...csvRows([r])].join("")).join("");
    expect(text).toBe(alone);
    expect(text.split("\n")).toHaveLength(1301);
  });

  it("quotes fields holding quotes and commas, and joins lists with semicolons", () => {
    const [line] = [...csvRows([record(3)])];
    expect(line).toContain('"Quote ""3"", comma"');
    expect(line).toContain("Ann Lee; Writer 3");
    expect(line).toContain(",parse/x\n");
  });
});
