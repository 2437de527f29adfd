/** Vocabulary that tells a person's name from the other things newspaper3k lists as authors. */

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

/** Tokens of a date: months, weekdays, numbers, `Date`, `Updated`, `Published`. */
export const DATE_TOKEN = new RegExp(
  `^(${MONTHS}|${DAYS}|date|updated|published|posted|on|at|a\\.?m\\.?|p\\.?m\\.?|[ecmp][sd]?t|gmt|bst|\\d{1,4}(st|nd|rd|th)?|\\d{1,2}:\\d{2})[.,]?$`,
  "i",
);

/** Whole entries that are page furniture, not bylines. */
export const UI_TEXT =
  /^(min read|\d+ min read|read more|more|view all posts|view all|trending story found|posted by|by|and|admin|administrator|guest|guest author|anonymous|share|follow|email|twitter|facebook|instagram|comments?|getty images|getty|contact|about|home|video|photos?|news|staff|editor|contributor|author|unknown|none|null|e|close|image|images|show|writing|politics|entertainment|sports|business|world|visit website|please enter your name here)$/i;

/** Prefixes of entries that are page furniture (`View All Posts Neuzd`, `More Meghan`). */
export const UI_PREFIX =
  /^(view all posts|view all|more|follow|posted by|share|click|sign up|subscribe|watch|comments|visit)\b/i;

/** Byline lead-ins stripped from a name: `Analysis Chris Cillizza`, `By Jane Doe`. */
export const BYLINE_PREFIX =
  /^(by|analysis|analysis by|opinion|opinion by|commentary|review|written by|posted by|story by)\s+/i;

/** Last words of a job title or a house byline (`Strategy Editor`, `Radar Staff`). */
export const ROLE_WORD =
  /^(editor|editors|writer|writers|reporter|reporters|correspondent|producer|columnist|contributor|contributors|analyst|staff|intern|anchor|host|editor-at-large|desk|team|newsroom|newspapers|wire|wires|online|mailonline|bureau|unit|critic|director)$/i;

/** Words of a photo credit (`Rex Shutterstock`, `Getty Images Europe`, `Ins Splash`). */
export const CREDIT_WORD =
  /^(getty|shutterstock|rex|splash|instagram|wireimage|filmmagic|courtesy|youtube|ins|photo|photos|images?)$/i;

/** Words of a publication's name, as whole words, so `Gavin Newsom` is not one. */
export const PUBLICATION_WORD =
  /^(news|daily|weekly|mirror|tribune|herald|gazette|magazine|times|telegraph|chronicle|journal|tonight|tonigh)$/i;

/** Rolling Stone's `Dave's Most Recent Stories` names `Dave`. */
export const RECENT_STORIES = /^(.+?)['’]s most recent stories$/i;

/** Words a sentence has and a name does not; newspaper title-cases them (`Is A`, `At`, `Of`). */
export const SENTENCE_WORD =
  /^(is|was|are|were|has|have|had|a|an|the|at|of|who|where|which|that|and|with|about|for|to|in|on|from|her|his|she|he|i|i'm|i’m|she's|she’s|he's|he’s|loves|covers|writes|reads|lives|all|any|everything|particularly|especially|you|your|my|our|here|ll)$/i;

/** Bio start: `Lauren Beale Is A Former Editor` names `Lauren Beale`. */
export const BIO_START = /^(.+?)\s+(is|was)\s+(a|an|the)\b/i;
