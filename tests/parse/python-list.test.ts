import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePythonList } from "../../src/parse/python-list.js";

const items = (src: string) => {
  const result = parsePythonList(src);
  if (!result.ok) throw new Error(result.error);
  return result.items;
};

/** Python's repr() of a list of strings, for round-trip checks. */
function pythonRepr(list: readonly string[]): string {
  const one = (s: string): string => {
    const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
    let out = "";
    for (const ch of s) {
      const cp = ch.codePointAt(0) as number;
      if (ch === "\\") out += "\\\\";
      else if (ch === quote) out += `\\${quote}`;
      else if (ch === "\n") out += "\\n";
      else if (ch === "\t") out += "\\t";
      else if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0))
        out += `\\x${cp.toString(16).padStart(2, "0")}`;
      else if (cp === 0x200b) out += "\\u200b";
      else out += ch;
    }
    return quote + out + quote;
  };
  return `[${list.map(one).join(", ")}]`;
}

describe("parsePythonList", () => {
  it("reads the seed's and the corpus's author lists", () => {
    expect(items("['Steve George']")).toEqual(["Steve George"]);
    expect(items("[]")).toEqual([]);
    expect(items("['Abc News', 'March', 'Min Read']")).toEqual(["Abc News", "March", "Min Read"]);
    expect(items("['De Elizabeth', 'De Elizabet', 'Ella Ceró']")).toEqual([
      "De Elizabeth",
      "De Elizabet",
      "Ella Ceró",
    ]);
  });

  it("reads double quotes and mixed quote styles in one list (00036, 00182)", () => {
    expect(items(`["Katie O'Malley"]`)).toEqual(["Katie O'Malley"]);
    expect(items(`["Jim'S Staff", 'Senator Jim Demint']`)).toEqual([
      "Jim'S Staff",
      "Senator Jim Demint",
    ]);
  });

  it("decodes Python escapes", () => {
    expect(items(`['O\\'Brien "Coco"']`)).toEqual([`O'Brien "Coco"`]);
    expect(
      items(`['John\\xa0Smith', 'a\\u200bb', '\\U0001F600', 'back\\\\slash', 'tab\\tnl\\n']`),
    ).toEqual(["John\u00a0Smith", "a\u200bb", "😀", "back\\slash", "tab\tnl\n"]);
    expect(items(`['\\d stays']`)).toEqual(["\\d stays"]);
  });

  it("accepts stray spaces, a trailing comma and Python 2 u'' prefixes", () => {
    expect(items("  [ 'A' ,'B',  ]  ")).toEqual(["A", "B"]);
    expect(items("[u'Name', u\"O'Neil\"]")).toEqual(["Name", "O'Neil"]);
  });

  it("reports what is wrong with malformed lists", () => {
    expect(parsePythonList("Steve George")).toEqual({
      ok: false,
      error: "it does not start with `[`",
    });
    expect(parsePythonList("['Steve George'")).toMatchObject({ ok: false });
    expect(parsePythonList("['unterminated]")).toMatchObject({
      ok: false,
      error: expect.stringContaining("unterminated"),
    });
    expect(parsePythonList("['a' 'b']")).toMatchObject({ ok: false });
    expect(parsePythonList("['\\x4']")).toMatchObject({ ok: false });
    expect(parsePythonList("['a'] junk")).toMatchObject({ ok: false });
    expect(parsePythonList("[1, 2]")).toMatchObject({ ok: false });
    expect(parsePythonList("['a\nb']")).toMatchObject({ ok: false });
  });

  it("stays fast on long lines full of escapes", () => {
    const line = `['${"\\'".repeat(200_000)}']`;
    const started = performance.now();
    expect(items(line)[0]).toHaveLength(200_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("round-trips any list through Python's repr", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { maxLength: 6 }), (list) => {
        expect(items(pythonRepr(list))).toEqual(list);
      }),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(typeof parsePythonList(text).ok).toBe("boolean");
        expect(typeof parsePythonList(`[${text}]`).ok).toBe("boolean");
      }),
    );
  });
});
