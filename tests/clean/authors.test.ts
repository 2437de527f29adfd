import { describe, expect, it } from "vitest";
import { fixTitleCase } from "../../src/clean/author-case.js";
import { type AuthorContext, cleanAuthors } from "../../src/clean/authors.js";

const ctx = (
  domain: string | null,
  outlets: string[] = [],
  spellings: string[] = [],
): AuthorContext => ({
  domain,
  siteNames: new Set(),
  siteSpellings: spellings,
  outlets: new Set(outlets),
});
const kept = (entries: string[], domain: string | null = "example.com", outlets: string[] = []) =>
  cleanAuthors(entries, ctx(domain, outlets)).authors;

describe("cleanAuthors", () => {
  it("drops months, dates and reading-time UI text", () => {
    expect(kept(["Abc News", "March", "Min Read"], "abcnews.go.com")).toEqual([]);
    expect(kept(["Radar Staff", "August"])).toEqual([]);
    expect(kept(["Date July"])).toEqual([]);
    expect(kept(["Published P.M. Mt July", "Jane Doe"])).toEqual(["Jane Doe"]);
  });

  it("keeps the person before a trailing outlet after a comma, and the outlet as publisher", () => {
    expect(kept(["By Jane Doe, Example News", "Jim Acosta, CNN"])).toEqual([
      "Jane Doe",
      "Jim Acosta",
    ]);
    const result = cleanAuthors(["Jane Doe, Example News"], ctx("example-news.com"));
    expect(result.publisher).toBe("Example News");
    expect(kept(["Martin Luther King, Jr."])).toEqual(["Martin Luther King, Jr."]);
  });

  it("keeps a person whose name is also a month", () => {
    expect(kept(["Julie March", "June Carter"])).toEqual(["Julie March", "June Carter"]);
  });

  it("keeps authors whose names contain News", () => {
    expect(kept(["Gavin Newsom", "Nina Newsome"], "cnn.com", ["abcnews", "cnn"])).toEqual([
      "Gavin Newsom",
      "Nina Newsome",
    ]);
  });

  it("drops UI text", () => {
    expect(kept(["View All Posts"])).toEqual([]);
    expect(kept(["View All Posts Neuzd"])).toEqual([]);
    expect(kept(["More Meghan", "Trending Story Found"])).toEqual([]);
  });

  it("drops outlet names and makes the one that fits the domain the publisher", () => {
    const result = cleanAuthors(
      ["Abc News", "Ken Simmons", "July", "Min Read"],
      ctx("abcnews.go.com", [], ["ABC News"]),
    );
    expect(result.authors).toEqual(["Ken Simmons"]);
    expect(result.publisher).toBe("ABC News");
    const mail = cleanAuthors(["Dailymail.Com Reporter"], ctx("dailymail.co.uk"));
    expect(mail.authors).toEqual([]);
    expect(mail.publisher).toBe("Dailymail.com");
  });

  it("drops an outlet of another site without making it the publisher", () => {
    const result = cleanAuthors(["Jane Doe", "Daily Star"], ctx("example.com"));
    expect(result.authors).toEqual(["Jane Doe"]);
    expect(result.publisher).toBeNull();
  });

  it("drops URL- and e-mail-like pieces", () => {
    expect(kept(["Neal Justin", "Njustin Startribune.Com"], "example.com")).toEqual([
      "Neal Justin",
    ]);
    expect(kept(["Jackie.Strause Thr.Com"])).toEqual([]);
  });

  it("drops bio fragments and everything newspaper3k cut from the same bio", () => {
    const entries = [
      "R. Eric Thomas",
      "R Eric Thomas Is A Senior Staff Writer At Elle.Com",
      "Home Of His Daily Humor Column",
      "Eric Reads The News",
      "Pop Culture",
      "Celebrity Shade",
    ];
    expect(kept(entries, "elle.com")).toEqual(["R. Eric Thomas"]);
  });

  it("keeps the name that opens a bio", () => {
    expect(
      kept(["Lauren Beale Is A Former Editor", "Staff Writer For The Los Angeles Times."]),
    ).toEqual(["Lauren Beale"]);
  });

  it("drops job titles", () => {
    expect(kept(["Alyssa Bailey", "News", "Strategy Editor", "Alyssa Bailey Is The News"])).toEqual(
      ["Alyssa Bailey"],
    );
  });

  it("drops truncated twins and the teaser names that follow them", () => {
    expect(kept(["Ronan Farro", "Ronan Farrow"])).toEqual(["Ronan Farrow"]);
    expect(kept(["De Elizabeth", "De Elizabet", "Ella Ceró"])).toEqual(["De Elizabeth"]);
    expect(kept(["Yohana Desta", "Yohana Dest", "Emma Stefansk", "Vanity Fai"])).toEqual([
      "Yohana Desta",
    ]);
  });

  it("drops a first name standing alone beside the full name, and two names run together", () => {
    expect(kept(["Mehera", "Mehera Bonner Is A News Writer Who Focuses On Celebrities"])).toEqual([
      "Mehera Bonner",
    ]);
    expect(kept(["Richard Natale Carmel Dagan", "Richard Natale", "Carmel Dagan"])).toEqual([
      "Richard Natale",
      "Carmel Dagan",
    ]);
  });

  it("keeps two people whose names share a beginning", () => {
    expect(kept(["Ann Lee", "Ann Leeds Smith"])).toEqual(["Ann Lee", "Ann Leeds Smith"]);
  });

  it("keeps the name of a byline written for an outlet", () => {
    const result = cleanAuthors(
      ["Hannah Parry For Dailymail.Com"],
      ctx("dailymail.co.uk", ["dailymail"]),
    );
    expect(result.authors).toEqual(["Hannah Parry"]);
    expect(result.publisher).toBe("Dailymail.com");
  });

  it("drops an outlet's name trailing a person's", () => {
    expect(kept(["Josh Levs Cnn"], "cnn.com", ["cnn"])).toEqual(["Josh Levs"]);
    expect(kept(["Senator Jim Demint"], "demint.senate.gov", ["cnn"])).toEqual([
      "Senator Jim Demint",
    ]);
  });

  it("drops exact and accent-folded duplicates", () => {
    expect(kept(["Chris Dyer", "Chris Dyer For Mailonline"], "dailymail.co.uk")).toEqual([
      "Chris Dyer",
    ]);
    expect(kept(["Madina Touré", "Madina Toure"])).toEqual(["Madina Touré"]);
  });

  it("strips byline lead-ins and records the repair", () => {
    const result = cleanAuthors(["Analysis Chris Cillizza", "Cnn Editor-At-Large"], ctx("cnn.com"));
    expect(result.authors).toEqual(["Chris Cillizza"]);
    expect(result.changes).toContainEqual({
      rule: "clean/author-name",
      field: "authors",
      before: "Analysis Chris Cillizza",
      after: "Chris Cillizza",
    });
  });

  it("records every dropped entry", () => {
    const result = cleanAuthors(["Jane Doe", "March"], ctx(null));
    expect(result.changes).toEqual([
      { rule: "clean/author-date", field: "authors", before: "March", after: "" },
    ]);
  });

  it("keeps ordinary names with particles, initials and apostrophes", () => {
    const names = [
      "Katie O'Malley",
      "Virginia Van De Wall",
      "Warren E. Buffett",
      "Anthony D'Alessandro",
    ];
    expect(kept(names)).toEqual(names);
  });
});

describe("fixTitleCase", () => {
  it("lower-cases contraction endings and domain endings", () => {
    expect(fixTitleCase("On-Camera Personality. She'S Won Awards")).toBe(
      "On-Camera Personality. She's Won Awards",
    );
    expect(fixTitleCase("I'M Cosmopolitan'S Editor At Elle.Com")).toBe(
      "I'm Cosmopolitan's Editor At Elle.com",
    );
  });

  it("leaves Irish and Italian names alone", () => {
    expect(fixTitleCase("Katie O'Malley")).toBe("Katie O'Malley");
    expect(fixTitleCase("D'Angelo Russell")).toBe("D'Angelo Russell");
  });
});
