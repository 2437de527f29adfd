/** Path segments that name a kind of page, not a section or a story. */
const GENERIC = new Set(
  "a amp article articles blog blogs cgi-bin content detail doc docs e entry galleries gallery home html id index item news p page pages photo photos post posts s story stories v video videos view web www".split(
    " ",
  ),
);
/** Language and locale codes that prefix paths on international sites. */
const LANGUAGE = /^(?:en|fr|de|es|it|pt|ru|zh|ja|ko|ar|nl|sv|pl|tr)(?:[-_][a-z]{2})?$/;
const DATE_PART = /^(?:(?:19|20)\d\d|\d{1,2}|(?:19|20)\d\d-\d\d(?:-\d\d)?)$/;
const SECTION = /^[a-z][a-z-]{0,28}[a-z]$/;
/** Words that are ids, not prose: long numbers, or letters mixed with digits and capitals (`BBRhw8u`). */
const ID_LIKE = /^(?:\d{5,}|(?=.*\d)(?=.*[A-Z])[A-Za-z\d]{5,})$/;
const INDEX_FILE = /^(?:index|default)\.(?:html?|php|aspx?)$/;

/** True for segments that carry no meaning of their own: ids, dates, `index.html`, `amp`. */
function isNoise(segment: string): boolean {
  const s = segment.toLowerCase();
  return (
    GENERIC.has(s) ||
    INDEX_FILE.test(s) ||
    DATE_PART.test(s) ||
    LANGUAGE.test(s) ||
    !/[a-z]{2}/.test(s)
  );
}

/** Decoded, non-empty path segments. */
export function pathSegments(pathname: string): string[] {
  return pathname
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/**
 * The section a URL path names, e.g. `asia` in `/2018/05/31/asia/slug/index.html`: the
 * first segment before the story's own slug that is not a date, id, language or generic word.
 */
export function sectionFromPath(pathname: string): string | null {
  const segments = pathSegments(pathname);
  while (segments.length > 0 && isNoise(segments[segments.length - 1] as string)) segments.pop();
  segments.pop();
  for (const segment of segments) {
    const s = segment.toLowerCase();
    if (isNoise(s) || s.includes(".")) continue;
    return SECTION.test(s) && s.split("-").length <= 3 ? s : null;
  }
  return null;
}

/**
 * A title made from the story's slug (`sergey-lavrov-north-korea` → `Sergey lavrov north
 * korea`), or `null` when the path has no slug that reads as words.
 */
export function titleFromPath(pathname: string): string | null {
  const segments = pathSegments(pathname);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] as string;
    if (isNoise(segment)) continue;
    const words = segment
      .replace(/\.[a-z0-9]{2,5}$/i, "")
      .split(/[-_+\s]+/)
      .filter((w) => w !== "" && !ID_LIKE.test(w));
    const letters = words.join("").replace(/[^\p{L}]/gu, "").length;
    const lastWord =
      i === segments.length - 1 && words.length === 1 && /^\p{L}{4,}$/u.test(words[0] ?? "");
    if ((words.length >= 2 && letters >= 4) || lastWord) return capitalise(words.join(" "));
  }
  return null;
}

/** Upper-cases the first letter. */
export function capitalise(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  return ch.toUpperCase() + text.slice(ch.length);
}
