import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePublished } from "../../src/parse/published.js";

const published = (raw: string) => {
  const result = parsePublished(raw);
  if (!result.ok) throw new Error(result.error);
  return result.published;
};

describe("parsePublished", () => {
  it("treats a naive midnight as a day (the seed)", () => {
    expect(published("2018-05-31 00:00:00")).toEqual({
      year: 2018,
      month: 5,
      day: 31,
      precision: "date",
      iso: "2018-05-31",
      epochMs: Date.UTC(2018, 4, 31),
    });
    expect(published("2018-05-31")).toMatchObject({ precision: "date", iso: "2018-05-31" });
  });

  it("keeps a naive time, taken as UTC for ordering (00003)", () => {
    expect(published("2017-09-17 11:51:46")).toMatchObject({
      precision: "datetime",
      iso: "2017-09-17T11:51:46",
      epochMs: Date.UTC(2017, 8, 17, 11, 51, 46),
    });
  });

  it("keeps the calendar day as written when there is an offset (00000, 00259)", () => {
    const evening = published("2018-05-10 23:46:36-04:00");
    expect(evening).toMatchObject({
      year: 2018,
      month: 5,
      day: 10,
      iso: "2018-05-10T23:46:36-04:00",
    });
    expect(evening?.epochMs).toBe(Date.UTC(2018, 4, 11, 3, 46, 36));
    expect(published("2018-10-31 15:25:53+05:30")?.epochMs).toBe(Date.UTC(2018, 9, 31, 9, 55, 53));
  });

  it("reads microseconds, `T`, `Z` and compact offsets (00058)", () => {
    expect(published("2017-06-16 16:44:05.116000+00:00")).toMatchObject({
      iso: "2017-06-16T16:44:05+00:00",
      epochMs: Date.UTC(2017, 5, 16, 16, 44, 5, 116),
    });
    expect(published("2017-06-16T16:44:05Z")?.iso).toBe("2017-06-16T16:44:05+00:00");
    expect(published("2017-06-16T16:44-0700")?.iso).toBe("2017-06-16T16:44:00-07:00");
  });

  it("counts a midnight with an offset as a moment, not a day", () => {
    expect(published("2016-09-26 00:00:00+00:00")?.precision).toBe("datetime");
  });

  it("returns no date, silently, for an empty line or `None`", () => {
    expect(parsePublished("")).toEqual({ ok: true, published: null });
    expect(parsePublished(" None ")).toEqual({ ok: true, published: null });
  });

  it("rejects absurd and impossible dates (02788's WordPress zero date)", () => {
    expect(parsePublished("0001-11-30 00:00:00+00:00")).toMatchObject({
      ok: false,
      error: expect.stringContaining("1900"),
    });
    expect(parsePublished("2999-01-01")).toMatchObject({ ok: false });
    expect(parsePublished("2018-02-30")).toMatchObject({ ok: false });
    expect(parsePublished("2018-05-31 24:00:00")).toMatchObject({ ok: false });
    expect(parsePublished("May 31, 2018")).toMatchObject({ ok: false });
    expect(parsePublished("2018-05-31 10:00:00+25:00")).toMatchObject({ ok: false });
  });

  it("round-trips every valid moment through its ISO text", () => {
    const moment = fc.date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2100-12-31T23:59:59Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(moment, (date) => {
        const text = date.toISOString().slice(0, 19).replace("T", " ");
        const result = published(text);
        expect(result?.epochMs).toBe(Math.floor(date.getTime() / 1000) * 1000);
        expect(result?.day).toBe(date.getUTCDate());
      }),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string(), (text) => typeof parsePublished(text).ok === "boolean"));
  });
});
