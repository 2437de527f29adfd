import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../src/parse/repair-mojibake.js";
import { CORRECT_WORDS, mojibake } from "./helpers.js";

describe("repairMojibake", () => {
  it("repairs the seed's flag emoji (4-byte sequences)", () => {
    expect(repairMojibake("ðŸ‡·ðŸ‡ºðŸ‡°ðŸ‡µSergey #Lavrov was greeted")).toBe(
      "🇷🇺🇰🇵Sergey #Lavrov was greeted",
    );
  });

  it("repairs 3-byte punctuation from a real scrape (00703)", () => {
    expect(repairMojibake("them of the support they needâ€”and deserve.")).toBe(
      "them of the support they need—and deserve.",
    );
    expect(repairMojibake("â€œLove It Allâ€\u009d")).toBe("“Love It All”");
  });

  it("repairs emoji whose bytes include a cp1252-undefined byte (U+008F, U+009D)", () => {
    expect(mojibake("🤔 😴 🏀")).toContain("\u008f");
    expect(repairMojibake(mojibake("you said this shit? 🤔 night night 😴 🏀"))).toBe(
      "you said this shit? 🤔 night night 😴 🏀",
    );
  });

  it("repairs Latin-1 letters and symbols (Ã©, Â£)", () => {
    expect(repairMojibake("cafÃ© naÃ¯ve MÃ¼ller costs Â£5")).toBe("café naïve Müller costs £5");
  });

  it("repairs runs of other 2-byte letters (Cyrillic, Greek), single letters too once a run proves it", () => {
    expect(repairMojibake(mojibake("Русский и Ελληνικά"))).toBe("Русский и Ελληνικά");
  });

  it("repairs text that was mis-decoded twice", () => {
    expect(repairMojibake(mojibake(mojibake("it’s")))).toBe("it’s");
  });

  it("leaves correct text that merely looks like a lead byte alone", () => {
    for (const text of ["ÃO", "SÃO PAULO", "JOSÉ’S", "Straße“ ", "CAFÉ\u00a0» x", "Â", "ð", "Ã"]) {
      expect(repairMojibake(text)).toBe(text);
    }
  });

  it("never changes correct text", () => {
    const correct = fc
      .array(fc.constantFrom(...CORRECT_WORDS), { maxLength: 12 })
      .map((w) => w.join(" "));
    fc.assert(fc.property(correct, (text) => repairMojibake(text) === text));
  });

  it("undoes mojibake of any correct text", () => {
    const correct = fc
      .array(fc.constantFrom(...CORRECT_WORDS), { minLength: 1, maxLength: 12 })
      .map((w) => w.join(" "));
    fc.assert(fc.property(correct, (text) => repairMojibake(mojibake(text)) === text));
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(typeof repairMojibake(text)).toBe("string");
      }),
    );
  });
});
