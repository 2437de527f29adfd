import { describe, expect, it } from "vitest";
import { cleanTitle, decodeTitleEntities, isGenericTitle } from "../../src/clean/titles.js";

const none = new Set<string>();

describe("cleanTitle", () => {
  it("removes a site-name suffix that names the domain", () => {
    expect(
      cleanTitle("Donald Trump, Germany’s disfavored son – POLITICO", "politico.eu", none).title,
    ).toBe("Donald Trump, Germany’s disfavored son");
    expect(
      cleanTitle("Airstrikes Bury Syrians in Aleppo - ABC News", "abcnews.go.com", none).title,
    ).toBe("Airstrikes Bury Syrians in Aleppo");
  });

  it("removes a learned site name the domain does not spell", () => {
    const learned = new Set(["sacramentobee"]);
    const title = "Firefighters save goats, deer | The Sacramento Bee";
    expect(cleanTitle(title, "sacbee.com", learned).title).toBe("Firefighters save goats, deer");
    expect(cleanTitle(title, "sacbee.com", none).title).toBe(title);
  });

  it("removes a prefix and a suffix together", () => {
    const title = "FOXNews.com - Transcript: Blue-Ribbon Panel on Health Care - FOX News Sunday";
    expect(cleanTitle(title, "foxnews.com", none).title).toBe(
      "Transcript: Blue-Ribbon Panel on Health Care",
    );
  });

  it("keeps section labels and headline dashes", () => {
    expect(cleanTitle("Opinion | The Texas Unmiracle", "nytimes.com", none).title).toBe(
      "Opinion | The Texas Unmiracle",
    );
    const dash = "Candace Cameron Bure Shows Off Her Abs — and Her Belly! — in Hilarious Instagram";
    expect(cleanTitle(dash, "people.com", none).title).toBe(dash);
  });

  it("never empties a title", () => {
    expect(cleanTitle("POLITICO", "politico.com", none).title).toBe("POLITICO");
  });

  it("decodes double-escaped entities and records both edits in order", () => {
    const result = cleanTitle(
      "Caitlyn’s &amp;quot;Scapegoat&amp;quot; - ABC News",
      "abcnews.go.com",
      none,
    );
    expect(result.title).toBe('Caitlyn’s "Scapegoat"');
    expect(result.changes.map((c) => c.rule)).toEqual([
      "clean/title-entities",
      "clean/title-site-name",
    ]);
  });

  it("leaves ampersands that are not entities", () => {
    expect(decodeTitleEntities("AT&T and Q&A")).toBe("AT&T and Q&A");
    expect(decodeTitleEntities("Her Body: &quot;Love It All&quot;")).toBe(
      'Her Body: "Love It All"',
    );
  });
});

describe("isGenericTitle", () => {
  it("flags captcha pages, bare site names and shared titles", () => {
    expect(isGenericTitle("Robot Check", "amazon.com", none, none)).toBe(true);
    expect(isGenericTitle("CQ.com", "cq.com", none, none)).toBe(true);
    expect(isGenericTitle("The Des Moines Register", "desmoinesregister.com", none, none)).toBe(
      true,
    );
    expect(isGenericTitle("MSN 香港", "msn.com", none, new Set(["msn 香港"]))).toBe(true);
  });

  it("flags home-page titles made only of generic words", () => {
    expect(
      isGenericTitle("Breaking News, Latest News, Headlines & Videos", "abcn.ws", none, none),
    ).toBe(true);
    expect(isGenericTitle("Official Campaign Website", "berniesanders.com", none, none)).toBe(true);
  });

  it("does not flag headlines", () => {
    expect(isGenericTitle("Latest News on the Senate Vote", "example.com", none, none)).toBe(false);
    expect(isGenericTitle("Robot Check-ups for Seniors Expand", "example.com", none, none)).toBe(
      false,
    );
    expect(isGenericTitle("Airstrikes Bury Syrians in Aleppo", "abcnews.go.com", none, none)).toBe(
      false,
    );
  });
});
