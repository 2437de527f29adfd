import { describe, expect, it } from "vitest";
import { BoundedCounts } from "../../src/clean/counter.js";
import { hash53 } from "../../src/clean/hash.js";
import { createProfileBuilder, profileFacts } from "../../src/clean/profile.js";
import { normaliseLine } from "../../src/clean/text.js";
import { makeArticle, prose } from "./make-article.js";

const FOOTER = "Get the best of Motherly—delivered to your inbox.";

function corpus() {
  const builder = createProfileBuilder();
  for (let i = 0; i < 20; i++) {
    builder.add(
      makeArticle({
        domain: "mother.ly",
        title: `Parenting tip ${i} - Motherly`,
        authors: ["Jane Doe", "Motherly Staff"],
        paragraphs: [
          prose(50, i),
          i < 6 ? FOOTER : prose(5, i),
          "(APPLAUSE)",
          "Opinion piece line.",
        ],
      }),
    );
  }
  for (let i = 0; i < 5; i++) {
    builder.add(
      makeArticle({
        domain: `site${i}.com`,
        title: "Robot Check",
        paragraphs: [prose(30, 100 + i)],
      }),
    );
  }
  return builder.finish();
}

describe("createProfileBuilder", () => {
  const profile = corpus();

  it("learns a site-name suffix repeated across a domain's titles", () => {
    expect(profile.domains["mother.ly"]?.titleSuffixes).toEqual(["Motherly"]);
    expect(profile.spellings).toContain("Motherly");
  });

  it("learns lines repeated across many of a domain's articles, not transcript cues", () => {
    const learned = profile.domains["mother.ly"]?.boilerplate ?? [];
    expect(learned).toContain(hash53(normaliseLine(FOOTER)));
    expect(learned).toContain(hash53(normaliseLine("Opinion piece line.")));
    expect(learned).not.toContain(hash53(normaliseLine("(APPLAUSE)")));
  });

  it("learns titles carried by many different bodies", () => {
    expect(profile.sharedTitles).toEqual(["robot check"]);
  });

  it("is plain JSON data", () => {
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
    expect(structuredClone(profile)).toEqual(profile);
  });

  it("is deterministic", () => {
    expect(corpus()).toEqual(profile);
  });

  it("learns the same from cached per-file facts as from the articles", () => {
    const articles = Array.from({ length: 12 }, (_, i) =>
      makeArticle({
        domain: "mother.ly",
        title: `Tip ${i} - Motherly`,
        authors: ["Motherly Staff"],
        paragraphs: [prose(40, i), FOOTER],
      }),
    );
    const direct = createProfileBuilder();
    const cached = createProfileBuilder();
    for (const article of articles) {
      direct.add(article);
      cached.addFacts(JSON.parse(JSON.stringify(profileFacts(article))));
    }
    expect(cached.finish()).toEqual(direct.finish());
  });
});

describe("BoundedCounts", () => {
  it("keeps frequent keys and forgets rare ones once over budget", () => {
    const counts = new BoundedCounts<number>(100);
    for (let i = 0; i < 10_000; i++) {
      counts.add("d", i);
      if (i % 10 === 0) counts.add("d", -1);
    }
    const kept = counts.get("d");
    expect(kept.size).toBeLessThanOrEqual(100);
    expect(kept.get(-1)).toBeGreaterThan(900);
  });
});
