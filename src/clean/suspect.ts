/** Pages that are not articles, recognised by what they say near the top. */
const WALLS: readonly (readonly [reason: string, pattern: RegExp])[] = [
  [
    "captcha page",
    /enter the characters you see below|make sure you'?re not a robot|\bcaptcha\b|unusual traffic from your (computer|network)/i,
  ],
  [
    "cookie wall",
    /\bcookies?\b[\s\S]{0,300}\b(i agree|consent|accept|our partners)\b|\b(i agree|consent to)\b[\s\S]{0,300}\bcookies?\b|browser supports javascript and cookies|\b(this (web)?site uses|we use) cookies\b/i,
  ],
  [
    "JavaScript wall",
    /(enable|turn on) javascript|javascript (is )?(disabled|required)|using an older browser version/i,
  ],
  [
    "removal notice",
    /\b(article|page|story|content|video|post) (has been|was) (removed|deleted|taken down)|page you (requested|are looking for|were looking for) (cannot|can't|could not|does not|doesn't)|\b(page|article|story) (is )?no longer available|^404\b/i,
  ],
];

/** Only bodies this short are judged by the phrases above: a long article may mention cookies. */
const MAX_WALL_WORDS = 300;
/** Bodies with fewer words than this are near-empty (captions, stubs). */
export const MIN_WORDS = 25;
const HEAD = 1500;

/**
 * Why an article should be held back, or `null`: a cookie, JavaScript or captcha wall, a
 * removal notice, an empty or near-empty body, or a title that is not a headline.
 */
export function suspectReason(
  bodyText: string,
  words: number,
  genericTitle: boolean,
): string | null {
  if (words < MAX_WALL_WORDS) {
    const head = bodyText.slice(0, HEAD);
    for (const [reason, pattern] of WALLS) if (pattern.test(head)) return reason;
  }
  if (words === 0) return "empty body";
  if (words < MIN_WORDS) return `near-empty body (${words} words)`;
  return genericTitle ? "generic title" : null;
}
