import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseUrl, isUrlLike, titleFromUrl } from "../../src/parse/url.js";
import { sectionFromPath } from "../../src/parse/url-path.js";

describe("analyseUrl", () => {
  it("derives link, key, domain and section from the seed's URL", () => {
    expect(
      analyseUrl("https://www.cnn.com/2018/05/31/asia/sergey-lavrov-north-korea-intl/index.html"),
    ).toEqual({
      link: "https://www.cnn.com/2018/05/31/asia/sergey-lavrov-north-korea-intl/index.html",
      urlKey: "cnn.com/2018/05/31/asia/sergey-lavrov-north-korea-intl",
      domain: "cnn.com",
      section: "asia",
      problem: null,
    });
  });

  it("keys and files Wayback URLs under the archived page, default port dropped (00000, 00094)", () => {
    const newsweek = analyseUrl(
      "https://web.archive.org/web/20180511090828/http://www.newsweek.com/dancing-stars-competition-bloodbath-920087",
    );
    expect(newsweek).toMatchObject({
      urlKey: "newsweek.com/dancing-stars-competition-bloodbath-920087",
      domain: "newsweek.com",
    });
    expect(newsweek.link).toContain("web.archive.org");
    const fox = analyseUrl(
      "https://web.archive.org/web/20090701202353/http://www.foxnews.com:80/story/0,2933,529026,00.html",
    );
    expect(fox).toMatchObject({
      urlKey: "foxnews.com/story/0,2933,529026,00.html",
      domain: "foxnews.com",
      section: null,
    });
  });

  it("drops fragments and tracking parameters, keeps meaningful ones (00015, 00096, 00167)", () => {
    expect(
      analyseUrl(
        "http://video.foxnews.com/v/4406890723001/watch-a-replay-of-fox-news-5-pm-presidential-debate/?#sp=show-clips",
      ).urlKey,
    ).toBe("video.foxnews.com/v/4406890723001/watch-a-replay-of-fox-news-5-pm-presidential-debate");
    expect(
      analyseUrl(
        "http://newsbake.com/entertainment-news/x-y/?utm_source=Right+Wing+News&fbclid=1&gclid=2",
      ).urlKey,
    ).toBe("newsbake.com/entertainment-news/x-y");
    expect(
      analyseUrl(
        "http://www.nytimes.com/2008/02/26/us/politics/26text-debate.html?pagewanted=13&_r=1",
      ).urlKey,
    ).toBe("nytimes.com/2008/02/26/us/politics/26text-debate.html?_r=1&pagewanted=13");
  });

  it("gives the same key to spellings of the same page", () => {
    const key = analyseUrl("https://www.Example.com/a/b/").urlKey;
    for (const url of [
      "http://example.com/a/b",
      "https://EXAMPLE.com/a/b/index.html#top",
      "http://www.example.com:80/a/b?utm_medium=x",
    ]) {
      expect(analyseUrl(url).urlKey).toBe(key);
    }
    expect(analyseUrl("http://example.com:8080/a/b").urlKey).toBe("example.com:8080/a/b");
  });

  it("links URLs with spaces, percent-encoded", () => {
    expect(analyseUrl("http://example.com/a page.html").link).toBe(
      "http://example.com/a%20page.html",
    );
  });

  it("keeps shortener URLs as they are (00046)", () => {
    expect(analyseUrl("http://cnn.it/2cTtbDk")).toMatchObject({
      domain: "cnn.it",
      urlKey: "cnn.it/2cTtbDk",
      section: null,
    });
  });

  it("refuses to link anything but http(s), and explains", () => {
    expect(analyseUrl("ftp://example.com/file")).toMatchObject({
      link: null,
      urlKey: null,
      problem: "it is not an http(s) URL",
    });
    expect(analyseUrl("javascript:alert(1)").link).toBeNull();
    expect(analyseUrl("www.cnn.com/politics/story-name")).toMatchObject({
      link: null,
      domain: "cnn.com",
      problem: expect.stringContaining("scheme"),
    });
  });

  it("never throws, and every link is http(s)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string()),
        (url) => {
          const result = analyseUrl(url);
          if (result.link !== null) expect(result.link).toMatch(/^https?:\/\//);
        },
      ),
    );
  });
});

describe("sectionFromPath", () => {
  it("skips dates, ids, languages and generic words", () => {
    expect(sectionFromPath("/2008/02/26/us/politics/26text-debate.html")).toBe("us");
    expect(sectionFromPath("/en/news/2019/world/some-story-slug")).toBe("world");
    expect(sectionFromPath("/the-press-office/2012/04/03/remarks")).toBe("the-press-office");
    expect(sectionFromPath("/story/0,2933,529026,00.html")).toBeNull();
    expect(sectionFromPath("/dancing-stars-competition-bloodbath-920087")).toBeNull();
    expect(sectionFromPath("/")).toBeNull();
    expect(sectionFromPath("/cgi-bin/gallery/photos/some-pictures")).toBeNull();
  });
});

describe("isUrlLike and titleFromUrl", () => {
  it("recognises URLs with or without a scheme", () => {
    expect(isUrlLike("http://cnn.it/2cTtbDk")).toBe(true);
    expect(isUrlLike("www.cnn.com/x")).toBe(true);
    expect(isUrlLike("http://example.com/a page.html")).toBe(true);
    expect(isUrlLike("['Steve George']")).toBe(false);
    expect(isUrlLike("Russian foreign minister meets Kim")).toBe(false);
    expect(isUrlLike("")).toBe(false);
  });

  it("makes a readable title from the story's slug", () => {
    expect(
      titleFromUrl("https://www.cnn.com/2018/05/31/asia/sergey-lavrov-north-korea-intl/index.html"),
    ).toBe("Sergey lavrov north korea intl");
    expect(
      titleFromUrl("http://www.senate.gov/pagelayout/reference/nominations/Nominations.htm"),
    ).toBe("Nominations");
    expect(titleFromUrl("http://cnn.it/2cTtbDk")).toBeNull();
    expect(
      titleFromUrl("https://www.msn.com/en-us/music/news/scarface-on-my-block/vi-BBRhw8u"),
    ).toBe("Scarface on my block");
  });
});
