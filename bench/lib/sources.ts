import type { Rng } from "./rng.js";

/** The calendar day an article's URL is built from. */
export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A news outlet: how its article URLs look and how its copy opens. */
export interface Source {
  readonly name: string;
  /** Dateline prefix its bodies start with, e.g. `(CNN) `. */
  readonly dateline: string;
  url(rng: Rng, day: Day, slug: string): string;
}

const MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");
const pad = (n: number): string => String(n).padStart(2, "0");
const ymd = (d: Day, sep = "/"): string => [d.year, pad(d.month), pad(d.day)].join(sep);
const SECTIONS = ["politics", "world", "us", "business", "health", "entertainment", "sport"];
const REGIONS = ["asia", "europe", "africa", "americas", "middleeast"];

/** Ten outlets with the URL shapes their real article pages use. */
export const SOURCES: readonly Source[] = [
  {
    name: "CNN",
    dateline: "(CNN) ",
    url: (r, d, s) => `https://www.cnn.com/${ymd(d)}/${r.pick(REGIONS)}/${s}-intl/index.html`,
  },
  {
    name: "The New York Times",
    dateline: "",
    url: (r, d, s) => `https://www.nytimes.com/${ymd(d)}/world/${r.pick(REGIONS)}/${s}.html`,
  },
  {
    name: "Fox News",
    dateline: "",
    url: (r, _d, s) => `http://www.foxnews.com/${r.pick(SECTIONS)}/${s}`,
  },
  {
    name: "The Washington Post",
    dateline: "",
    url: (r, d, s) =>
      `https://www.washingtonpost.com/${r.pick(SECTIONS)}/${s}/${ymd(d)}/${r.hex(8)}-${r.hex(4)}-11e8-${r.hex(4)}-${r.hex(12)}_story.html`,
  },
  {
    name: "BBC News",
    dateline: "",
    url: (r) => `https://www.bbc.com/news/world-${r.pick(REGIONS)}-${r.int(10000000, 49999999)}`,
  },
  {
    name: "The Guardian",
    dateline: "",
    url: (r, d, s) =>
      `https://www.theguardian.com/${r.pick(SECTIONS)}/${d.year}/${MONTHS[d.month - 1]}/${pad(d.day)}/${s}`,
  },
  {
    name: "Reuters",
    dateline: "",
    url: (r, _d, s) =>
      `https://www.reuters.com/article/us-${r.pick(REGIONS)}-${s.split("-")[0]}/${s}-idUSKCN1${r.hex(5).toUpperCase()}`,
  },
  {
    name: "Politico",
    dateline: "",
    url: (r, d, s) => `https://www.politico.com/story/${ymd(d)}/${s}-${r.int(100000, 999999)}`,
  },
  {
    name: "The Associated Press",
    dateline: "",
    url: (r) => `https://apnews.com/${r.hex(32)}`,
  },
  {
    name: "HuffPost",
    dateline: "",
    url: (r, _d, s) =>
      `https://www.huffingtonpost.com/entry/${s.replace(/-/g, "_")}_us_5${r.hex(23)}`,
  },
];
