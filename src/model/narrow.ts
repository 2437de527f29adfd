/** Characters a one-byte (Latin-1) string cannot hold. */
const WIDE = /[\u0100-\uffff]/;

/**
 * The same text as a one-byte string when every character fits one. V8 keeps a string cut from
 * a two-byte string two-byte, so the title and summary of an article whose file holds one curly
 * quote took two bytes a character in every record the main thread holds, structured clone and
 * `deserialize` keeping the representation: a fifth of the heap at the end of the cleaning pass.
 */
export function narrow<T extends string | null>(text: T): T {
  if (text === null || WIDE.test(text)) return text;
  return Buffer.from(text, "latin1").toString("latin1") as T;
}
