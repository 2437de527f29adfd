import { hash } from "node:crypto";
import type { Change, ParseResult, SourceFile } from "../core/types.js";
import { decodeBytes, decodeCp1252, looksBinary, normaliseNewlines } from "./decode-text.js";
import { FileDiagnostics } from "./diagnostics.js";
import { parseFrontMatter } from "./front-matter.js";
import { parseSeedLayout } from "./seed-layout.js";

const MARKDOWN = /\.(?:md|markdown)$/i;

/** Byte offset and bytes around the first invalid UTF-8 sequence, for the change record. */
function invalidUtf8Excerpt(bytes: Uint8Array): Pick<Change, "before" | "after"> {
  const lenient = new TextDecoder("utf-8").decode(bytes.subarray(0, 4096));
  const at = Math.max(0, lenient.indexOf("\ufffd"));
  const offset = Buffer.byteLength(lenient.slice(0, at));
  const hex = [...bytes.subarray(offset, offset + 4)].map((b) => b.toString(16).padStart(2, "0"));
  return {
    before: `bytes ${hex.join(" ")} at offset ${offset}`,
    after: decodeCp1252(bytes.subarray(offset, offset + 4)),
  };
}

/**
 * Parses one input file into an Article: Markdown with YAML front matter (`.md`,
 * `.markdown`, or any file opening with `---`), else the scraper's five-line layout.
 * Pure: never touches the file system, never throws on any input.
 */
export function parseSource(file: SourceFile): ParseResult {
  const diagnostics = new FileDiagnostics(file.path);
  const contentHash = hash("sha256", file.bytes, "hex");
  const decoded = decodeBytes(file.bytes);
  const text = normaliseNewlines(decoded.text);
  if (looksBinary(text)) {
    diagnostics.error(0, "parse/not-an-article", "The file holds binary data, not article text.");
    return { article: null, diagnostics: diagnostics.list };
  }
  const changes: Change[] = [];
  if (decoded.encoding === "windows-1252") {
    changes.push({ rule: "repair/encoding", field: "body", ...invalidUtf8Excerpt(file.bytes) });
    diagnostics.warn(
      0,
      "repair/encoding",
      "The file is not valid UTF-8; it was read as Windows-1252. Save it as UTF-8 to be sure of its text.",
    );
  }
  const parse =
    MARKDOWN.test(file.path) || text.startsWith("---\n") ? parseFrontMatter : parseSeedLayout;
  const article = parse(text, file.path, contentHash, changes, diagnostics);
  return { article, diagnostics: diagnostics.list };
}
