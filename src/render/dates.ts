import type { PublishedDate } from "../core/types.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** English month name for 1-12. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/**
 * Formats a date as written in the source, in the article's own time zone: `31 May 2018`, or with
 * a time `31 May 2018, 16:46 (UTC−04:00)`. Fixed English, not the machine's locale, so builds
 * are byte-identical everywhere.
 */
export function formatDate(date: PublishedDate): string {
  const day = `${date.day} ${monthName(date.month)} ${date.year}`;
  if (date.precision === "date") return day;
  const time = /T(\d{2}:\d{2})/.exec(date.iso)?.[1];
  if (time === undefined) return day;
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(date.iso)?.[1];
  const zone =
    offset === undefined
      ? ""
      : offset === "Z" || offset === "+00:00"
        ? " (UTC)"
        : ` (UTC${offset.replace("-", "−")})`;
  return `${day}, ${time}${zone}`;
}
