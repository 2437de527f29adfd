import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TermScanner } from "../../src/render/search/scan.js";
import { hashTerm, TermTable } from "../../src/render/search/term-table.js";
import { tokenize } from "../../src/render/search/text.js";

const scanner = new TermScanner();
const scanned = (text: string): string[] => {
  const out: string[] = [];
  const n = scanner.scan(text, (id) => out.push(scanner.table.terms[id] as string));
  expect(n).toBe(out.length);
  return out;
};

describe("TermScanner", () => {
  it("gives tokenize's tokens on everyday and awkward text", () => {
    for (const text of [
      "Officials in Tehran said: \"U.S.-China talks\" won't resume. Board's 391 members.",
      "Conan O'Brien didn’t visit Łódź or Zürich; ΣΟΦΟΣ. ΑΣ.Β and ﬁne ⑴ rock'n'roll a''b",
      `x${"a".repeat(60)} ${"b".repeat(40)} ${"c".repeat(41)}`,
      "sanc\u200btions co\u00adoperate e\u0301te \u{1d6ba}\u{1d400}x",
    ]) {
      expect(scanned(text)).toEqual(tokenize(text));
    }
  });

  it("agrees with tokenize on any text, including repeats of seen terms", () => {
    const chars = fc.constantFrom(
      ..."aAzZ09 .,:'’ʼ-\n\téÉüßæıİΣσςΑϹ\u0301\u200b\u00adﬁ⑴½\u{1d6ba}\ud835".split(""),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), fc.string({ unit: "binary" }), (cs, s) => {
        const text = cs.join("");
        expect(scanned(text)).toEqual(tokenize(text));
        expect(scanned(text)).toEqual(tokenize(text));
        expect(scanned(s)).toEqual(tokenize(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("hashes terms as hashTerm does, whichever path made them", () => {
    scanned("Alpha beta Gamma über O'Neil");
    const { terms, hashes } = scanner.table;
    terms.forEach((t, id) => {
      expect(hashes[id]).toBe(hashTerm(t));
    });
  });
});

describe("TermTable", () => {
  it("finds a term cut from a joined list as the id of the same term given whole", () => {
    const word = fc.stringMatching(/^[a-zé’0-9]{1,20}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 60 }), (a, b) => {
        const whole = new TermTable();
        const cut = new TermTable();
        for (const term of a) whole.idOf(term, hashTerm(term));
        for (const term of a) cut.idOf(term, hashTerm(term));
        const joined = b.join("\n");
        let start = 0;
        for (const term of b) {
          const end = start + term.length;
          expect(cut.idOfRange(joined, start, end, hashTerm(term))).toBe(
            whole.idOf(term, hashTerm(term)),
          );
          start = end + 1;
        }
        expect(cut.terms).toEqual(whole.terms);
      }),
      { numRuns: 200 },
    );
  });
});
