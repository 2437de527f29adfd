import type { PublishedDate } from "../core/types.js";

/** A parsed publish date, nothing (empty or `None`), or why the text is not a usable date. */
export type PublishedResult =
  | { readonly ok: true; readonly published: PublishedDate | null }
  | { readonly ok: false; readonly error: string };

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Minutes east of UTC for `Z`, `+05:30`, `-0400` or `+01`. */
function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const sign = offset[0] === "-" ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Parses a publish date as newspaper scrapers write it (`2018-05-31 00:00:00`,
 * `2018-05-10 16:46:36-04:00`, microseconds, `T`, date only). Empty and `None` mean no
 * date. The calendar day is kept as written; `epochMs` takes naive times as UTC.
 */
export function parsePublished(raw: string): PublishedResult {
  const text = raw.trim();
  if (text === "" || text === "None" || text === "null") return { ok: true, published: null };
  const m = DATE_TIME.exec(text);
  if (!m) return { ok: false, error: "it is not a date such as `2018-05-31 16:46:36`" };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const millis = Math.floor(Number(`0.${m[7] ?? "0"}`) * 1000);
  const offset = m[8] === undefined ? null : offsetMinutes(m[8]);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, error: "no such day or time" };
  }
  if (offset !== null && Math.abs(offset) > 18 * 60)
    return { ok: false, error: "time-zone offset out of range" };
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, error: `year ${year} is outside ${MIN_YEAR}-${MAX_YEAR}` };
  }
  const isDay =
    m[4] === undefined ||
    (offset === null && hour === 0 && minute === 0 && second === 0 && millis === 0);
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  const time = `T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  return {
    ok: true,
    published: {
      year,
      month,
      day,
      precision: isDay ? "date" : "datetime",
      iso: isDay ? date : date + time + (offset === null ? "" : formatOffset(offset)),
      epochMs: utc - (offset ?? 0) * 60_000,
    },
  };
}
