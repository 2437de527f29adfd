import { describe, expect, it } from "vitest";
import { closeQuoteSpaces } from "../../src/clean/quotes.js";

describe("closeQuoteSpaces", () => {
  it("closes stray spaces inside balanced straight quotes", () => {
    expect(closeQuoteSpaces('the " maximum pressure campaign " against Iran')).toBe(
      'the "maximum pressure campaign" against Iran',
    );
  });

  it("closes a stray space after an opening curly quote", () => {
    expect(
      closeQuoteSpaces("“ ‘White’ taught me what ‘black’ was not,” the 17-year-old said"),
    ).toBe("“‘White’ taught me what ‘black’ was not,” the 17-year-old said");
  });

  it("leaves unbalanced quotes untouched", () => {
    const odd = 'He said " maximum pressure and left';
    expect(closeQuoteSpaces(odd)).toBe(odd);
    const curly = "“ One paragraph opens a quote that the next one closes";
    expect(closeQuoteSpaces(curly)).toBe(curly);
  });

  it("leaves quotes whose pairing is unclear untouched", () => {
    const inches = 'a 12" screen and a 15" screen';
    expect(closeQuoteSpaces(inches)).toBe(inches);
  });

  it("leaves well-spaced quotes alone", () => {
    const fine = 'She called it "excruciating" and “painful.”';
    expect(closeQuoteSpaces(fine)).toBe(fine);
  });
});
