import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildIndex, doc } from "./fixtures.js";
import { engineOver } from "./vm-client.js";

const docs = [
  doc(0, {
    title: "Markets calm",
    text: "Sanctions sanctions sanctions were the talk of markets and sanctions again.",
    source: "cnn.com",
    year: 2018,
  }),
  doc(1, {
    title: "New sanctions on exports",
    text: "Officials spoke.",
    source: "bbc.com",
    year: 2017,
  }),
  doc(2, {
    title: "Weather",
    authors: ["Jörg Müller"],
    text: "Rain expected near the coast.",
    source: "cnn.com",
    year: 2017,
    date: "2017-03-04",
  }),
  doc(3, { title: "Opinion", authors: ["Ann Lee"], text: "A column by Muller fans about rain." }),
  doc(4, {
    title: "Sanctuary city",
    text: "A sanctuary for birds.",
    source: "bbc.com",
    year: 2016,
  }),
];
const files = buildIndex(docs);
const ords = async (query: Parameters<ReturnType<typeof engineOver>["engine"]["search"]>[0]) =>
  (await engineOver(files).engine.search(query)).hits.map((h) => h.ord);

describe("search ranking", () => {
  it("ranks a title match above repeated body matches", async () => {
    expect(await ords({ q: "sanctions" })).toEqual([1, 0]);
  });

  it("ranks an author match above a body match", async () => {
    expect(await ords({ q: "muller" })).toEqual([2, 3]);
  });

  it("matches prefixes, whole words first", async () => {
    expect(await ords({ q: "sanct" })).toEqual([4, 1, 0]);
    expect(await ords({ q: "sanctuary" })).toEqual([4]);
  });

  it("folds case and diacritics in the query too", async () => {
    expect(await ords({ q: "MÜLLER" })).toEqual(await ords({ q: "muller" }));
    expect(await ords({ q: "jörg" })).toEqual([2]);
  });

  it("requires every word", async () => {
    expect(await ords({ q: "rain coast" })).toEqual([2]);
    expect(await ords({ q: "sanctions weather" })).toEqual([]);
  });

  it("filters by source, author and year, with or without words", async () => {
    expect(await ords({ q: "sanct", source: "bbc.com" })).toEqual([4, 1]);
    expect(await ords({ q: "sanct", year: "2018" })).toEqual([0]);
    expect(await ords({ q: "rain", author: "Jorg Muller" })).toEqual([2]);
    expect(await ords({ source: "CNN.com" })).toEqual([0, 2]);
    expect(await ords({ source: "cnn.com", year: "2017" })).toEqual([2]);
    expect(await ords({ source: "nowhere.org" })).toEqual([]);
  });

  it("returns ranked ordinals and scores as typed arrays, best first", async () => {
    const r = await engineOver(files).engine.search({ q: "sanct" });
    expect(Array.from(r.ords)).toEqual([4, 1, 0]);
    expect(Array.from(r.scores)).toEqual([...r.scores].sort((a, b) => b - a));
    expect(r.hits.map((h) => h.score)).toEqual(Array.from(r.scores));
  });

  it("orders any result by score, ties in archive order, and finds every match", async () => {
    const words = fc.array(fc.constantFrom("sun", "sunny", "sunday", "rain", "x"), {
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ title: words, text: words }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom("sun", "sunny", "rain", "su", "sun rain"),
        async (specs, q) => {
          const articles = specs.map((s, i) =>
            doc(i, { title: s.title.join(" "), text: s.text.join(" ") }),
          );
          const r = await engineOver(buildIndex(articles)).engine.search({ q });
          const expected = specs.flatMap((s, i) =>
            q.split(" ").every((t) => [...s.title, ...s.text].some((w) => w.startsWith(t)))
              ? [i]
              : [],
          );
          expect(Array.from(r.ords).sort((a, b) => a - b)).toEqual(expected);
          for (let i = 1; i < r.ords.length; i++) {
            const [s0, s1] = [r.scores[i - 1] as number, r.scores[i] as number];
            expect(
              s0 > s1 || (s0 === s1 && (r.ords[i - 1] as number) < (r.ords[i] as number)),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("finds nothing for an unknown word or an empty query", async () => {
    expect(await ords({ q: "zzyzx" })).toEqual([]);
    expect(await ords({ q: "  " })).toEqual([]);
  });

  it("returns the stored fields of results, loading only the files needed", async () => {
    const { engine, loaded } = engineOver(files);
    const { hits } = await engine.search({ q: "muller" });
    const [first] = await engine.docs(hits.map((h) => h.ord));
    expect(JSON.parse(JSON.stringify(first))).toEqual({
      ord: 2,
      path: "a/2/index.html",
      title: "Weather",
      date: "2017-03-04",
      source: "cnn.com",
      authors: ["Jörg Müller"],
      snippet: "Rain expected near the coast.",
    });
    expect(loaded).toEqual(["search/index/meta.js", "search/index/t0.js", "search/index/d0.js"]);
  });

  it("reports a missing index file as an error", async () => {
    const { engine } = engineOver(files.filter((f) => !f.path.endsWith("/t0.js")));
    await expect(engine.search({ q: "rain" })).rejects.toThrow(/could not load.*t0\.js/i);
  });
});

describe("progressive results", () => {
  const many = Array.from({ length: 80 }, (_, i) => doc(i, { text: `storm ${i}` }));
  const index = buildIndex(many);

  it("hands over each result in rank order as soon as those above it are there", async () => {
    // Later chunks arrive first, so order must come from the client, not from arrival.
    const { engine } = engineOver(index, (path) => {
      const n = /\/d(\d+)\.js$/.exec(path);
      return n ? 40 - 8 * Number(n[1]) : 0;
    });
    const order = [70, 3, 40, 20, 5];
    const seen: number[] = [];
    const docs = await engine.docs(order, (d, i) => {
      expect(i).toBe(seen.length);
      seen.push(d.ord);
    });
    expect(seen).toEqual(order);
    expect(docs.map((d) => d.path)).toEqual(order.map((o) => `a/${o}/index.html`));
  });
});

describe("snippet windows", () => {
  const { client } = engineOver(files);
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
  const shown = (parts: [string, boolean][]) => parts.map(([t]) => t).join("");

  it("shows about a third of a long snippet around the first matched word, marked", () => {
    const text = `${filler(120)} The sanctions bite. ${filler(60)}`;
    const parts = client.snippetParts(text, ["sanctions"]);
    const window = shown(parts);
    expect(window.length).toBeLessThanOrEqual(282);
    expect(window.length).toBeGreaterThan(200);
    expect(window.startsWith("…")).toBe(true);
    expect(window.endsWith("…")).toBe(true);
    expect(parts.filter(([, hit]) => hit).map(([t]) => t)).toEqual(["sanctions"]);
    expect(window.indexOf("sanctions")).toBeGreaterThan(20);
    expect(text.includes(window.slice(1, -1))).toBe(true);
  });

  it("shows the start when no body word matches, and short text whole", () => {
    const text = `${filler(150)}`;
    const window = shown(client.snippetParts(text, ["title"]));
    expect(window.startsWith("w0 w1 ")).toBe(true);
    expect(window.endsWith("…")).toBe(true);
    expect(shown(client.snippetParts("Rain near the coast.", ["coast"]))).toBe(
      "Rain near the coast.",
    );
  });

  it("keeps a match near the end inside the window", () => {
    const text = `${filler(200)} closing sanctions`;
    const window = shown(client.snippetParts(text, ["sanct"]));
    expect(window.endsWith("closing sanctions")).toBe(true);
    expect(window.startsWith("…")).toBe(true);
  });
});

describe("highlight", () => {
  const { client } = engineOver(files);
  it("marks whole words and prefixes, folding as the index does", () => {
    const parts = client.highlight("Müller’s sanctions, not insanctions.", ["muller", "sanct"]);
    expect(JSON.parse(JSON.stringify(parts))).toEqual([
      ["Müller’s", true],
      [" ", false],
      ["sanctions", true],
      [", not insanctions.", false],
    ]);
  });
});
