import { describe, expect, it } from "vitest";
import { suspectReason } from "../../src/clean/suspect.js";
import { countWords } from "../../src/parse/words.js";
import { prose } from "./make-article.js";

const reason = (text: string, generic = false) => suspectReason(text, countWords(text), generic);

describe("suspectReason", () => {
  it("recognises walls and notices", () => {
    expect(
      reason(
        "HuffPost is part of Verizon Media. Click 'I agree' to allow Verizon Media and our partners to use cookies and similar technologies.",
      ),
    ).toBe("cookie wall");
    expect(
      reason(
        "Enter the characters you see below Sorry, we just need to make sure you're not a robot.",
      ),
    ).toBe("captcha page");
    expect(reason("We are sorry. This article has been removed. Tags advertising")).toBe(
      "removal notice",
    );
    expect(reason("Vogue Australia You need to enable JavaScript to run this app.")).toBe(
      "JavaScript wall",
    );
  });

  it("holds back empty and near-empty bodies, naming the word count", () => {
    expect(reason("")).toBe("empty body");
    expect(reason("Know Your Value")).toBe("near-empty body (3 words)");
  });

  it("holds back a generic title only when the body is otherwise fine", () => {
    expect(reason(prose(200), true)).toBe("generic title");
    expect(reason(prose(200), false)).toBeNull();
  });

  it("does not take a long article that mentions cookies for a wall", () => {
    const story = `${prose(400)} She baked cookies and said I agree with the consent decree.`;
    expect(reason(story)).toBeNull();
  });
});
