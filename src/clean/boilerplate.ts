/**
 * Built-in boilerplate: whole lines that are page furniture on any site. Repetition across a
 * source's articles (see profile.ts) finds the rest; this list covers sources seen too rarely.
 */
const EXACT = new Set(
  [
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "sponsored content",
    "read more",
    "read more:",
    "continue reading",
    "continue reading below",
    "story continued below",
    "story continues below",
    "story continues below advertisement",
    "skip advertisement",
    "supported by",
    "scroll down for video",
    "image zoom",
    "related gallery",
    "related content:",
    "related:",
    "related",
    "related articles",
    "related stories",
    "get push notifications with news, features and more.",
    "click to share on twitter (opens in new window)",
    "click to share on facebook (opens in new window)",
    "share this article",
    "share this:",
    "like this:",
    "loading...",
    "shop the look",
    "get the look:",
    "if you are using ad-blocking software, please disable it and reload the page. embed code restart",
  ].map((line) => line.toLowerCase()),
);

/** Lines that start like a link to something else: `RELATED VIDEO: …`, `Read More: …`. */
const PREFIX =
  /^(related video|related|read more|read next|also read|see also|more|watch|sign up|subscribe|click here|follow us|like us on facebook|download our app)\s*:\s*\S|^(sign up for|subscribe to|click here to|follow us on)\b/i;
/** Prefix-matched lines longer than this are treated as text, not links. */
const MAX_PREFIXED = 200;

/** True when a normalised line is built-in boilerplate. */
export function isBuiltinBoilerplate(normalised: string): boolean {
  return EXACT.has(normalised) || (normalised.length < MAX_PREFIXED && PREFIX.test(normalised));
}

/** Lines never learned as boilerplate: transcript cues and dialogue repeat legitimately. */
export function isProtectedLine(line: string): boolean {
  return (
    /^\([A-Z][A-Z ,.'’/-]*\)$/.test(line.trim()) || /^[A-Z][A-Z.'’ -]{1,30}:\s/.test(line.trim())
  );
}
