import { Buffer, isUtf8 } from "node:buffer";
import { CP1252_HIGH } from "./cp1252.js";

/** Text decoded from a file's bytes, and the encoding that was used. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf-8" | "windows-1252";
}

/**
 * Windows-1252 decoding done by hand: Node's TextDecoder treats the `windows-1252` label
 * as Latin-1 and so yields C1 controls where cp1252 has `€`, `’`, `—`...
 */
export function decodeCp1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    units[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
  }
  let out = "";
  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode(...units.subarray(i, i + 8192));
  }
  return out;
}

/**
 * Decodes bytes as UTF-8, falling back to windows-1252 when they are not valid UTF-8.
 * `isUtf8` plus Buffer decoding is the strict check of a fatal TextDecoder, at half the cost.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    return { text, encoding: "utf-8" };
  }
  return { text: decodeCp1252(bytes), encoding: "windows-1252" };
}

/** Drops a leading BOM and turns CRLF and lone CR line ends into LF. */
export function normaliseNewlines(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = start === 0 ? text : text.slice(start);
  return body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is the point
const BINARY_HINT = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

/** True when the text looks like binary data rather than prose: NUL bytes or many controls. */
export function looksBinary(text: string): boolean {
  if (text.includes("\0")) return true;
  if (!BINARY_HINT.test(text.slice(0, 1024))) return false;
  const sample = Math.min(text.length, 1024);
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) controls++;
  }
  return controls > 16 && controls * 10 > sample;
}
