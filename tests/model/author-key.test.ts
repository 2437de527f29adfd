import { describe, expect, it } from "vitest";
import { createAuthorIndex } from "../../src/model/author-index.js";
import { authorKey, tidyAuthorName } from "../../src/model/author-key.js";

describe("author names", () => {
  it.each([
    ["By Jane Doe", "Jane Doe"],
    ["  Jane   Doe ", "Jane Doe"],
    ["Jim Acosta, CNN", "Jim Acosta"],
    ["Jane Doe, Example News", "Jane Doe"],
    ["Maria Lopez, The Washington Post", "Maria Lopez"],
    ["Martin Luther King, Jr.", "Martin Luther King, Jr."],
    ["Sam Lee, PhD", "Sam Lee, PhD"],
    ["Bystander Smith", "Bystander Smith"],
  ])("tidies %j to %j", (raw, tidy) => {
    expect(tidyAuthorName(raw)).toBe(tidy);
  });

  it("folds case, accents and outlet suffixes into one key", () => {
    expect(authorKey("JANE DOE")).toBe(authorKey("Jane Doe"));
    expect(authorKey("By Jane Doe, CNN")).toBe(authorKey("jane doe"));
    expect(authorKey("Zoë Müller")).toBe(authorKey("Zoe Muller"));
    expect(authorKey("Conan O'Brien")).toBe(authorKey("Conan O’Brien"));
  });

  it.each([
    ["Ronan Farrow", "Ronan Farro"],
    ["John Smith", "John Smith Jr."],
    ["Ann Lee", "Anne Lee"],
    ["Julie March", "March"],
    ["Chris Evans", "Christopher Evans"],
  ])("never merges %j with %j", (a, b) => {
    expect(authorKey(a)).not.toBe(authorKey(b));
  });

  it("shows the most common spelling and gives each person one slug", () => {
    const refs = createAuthorIndex(["Jane Doe", "JANE DOE", "Jane Doe", "By Jane Doe", "Sam Lee"]);
    expect(refs(["jane doe", "Sam Lee", "Jane Doe"])).toEqual([
      { name: "Jane Doe", slug: "jane-doe" },
      { name: "Sam Lee", slug: "sam-lee" },
    ]);
  });

  it("never gives an author the slug that pagination uses", () => {
    const refs = createAuthorIndex(["Page", "Sam Lee"]);
    expect(refs(["Page"])).toEqual([{ name: "Page", slug: "page-2" }]);
  });
});
