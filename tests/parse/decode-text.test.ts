import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeBytes,
  decodeCp1252,
  looksBinary,
  normaliseNewlines,
} from "../../src/parse/decode-text.js";

describe("decodeBytes", () => {
  it("reads valid UTF-8 as UTF-8, emoji included", () => {
    const bytes = new TextEncoder().encode("Meghan Markle’s family 🇷🇺");
    expect(decodeBytes(bytes)).toEqual({ text: "Meghan Markle’s family 🇷🇺", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 for invalid UTF-8, with cp1252's own 0x80-0x9F characters", () => {
    // "café — “ok”" saved as Windows-1252
    const bytes = Uint8Array.from([
      0x63, 0x61, 0x66, 0xe9, 0x20, 0x97, 0x20, 0x93, 0x6f, 0x6b, 0x94,
    ]);
    expect(decodeBytes(bytes)).toEqual({ text: "café — “ok”", encoding: "windows-1252" });
  });

  it("keeps the five undefined cp1252 bytes as C1 controls so mojibake repair can use them", () => {
    expect(decodeCp1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x80]))).toBe(
      "\u0081\u008d\u008f\u0090\u009d€",
    );
  });

  it("decodes long inputs in chunks", () => {
    const bytes = new Uint8Array(50_000).fill(0xe9);
    expect(decodeCp1252(bytes)).toBe("é".repeat(50_000));
  });

  it("never throws and always yields a string, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(typeof decodeBytes(bytes).text).toBe("string");
      }),
    );
  });
});

describe("normaliseNewlines", () => {
  it("drops a leading BOM and turns CRLF and CR into LF", () => {
    expect(normaliseNewlines("\ufeffhttp://a.com/x\r\n['A']\r\rbody\n")).toBe(
      "http://a.com/x\n['A']\n\nbody\n",
    );
  });

  it("leaves LF text as it is", () => {
    expect(normaliseNewlines("a\n\nb")).toBe("a\n\nb");
  });
});

describe("looksBinary", () => {
  it("flags NUL bytes and control-heavy data", () => {
    expect(looksBinary("PNG\0\0\0")).toBe(true);
    expect(looksBinary("\u0001\u0002\u0003\u0004".repeat(10))).toBe(true);
  });

  it("accepts prose with a few stray controls, as in a real scrape", () => {
    expect(
      looksBinary('"></iframe>Û½|ó^tç~|ïÞó^=k¿÷·Ú\u007fÇúk×_éÇt and then the article goes on'),
    ).toBe(false);
  });
});
