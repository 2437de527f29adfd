import type { Diagnostic } from "../core/types.js";

/** Collects the diagnostics of one input file. */
export class FileDiagnostics {
  readonly list: Diagnostic[] = [];

  constructor(readonly file: string) {}

  /** Records a problem that still lets the file become an article. */
  warn(line: number, rule: string, message: string): void {
    this.list.push({ file: this.file, line, severity: "warning", message, rule });
  }

  /** Records a problem that keeps the file out of the archive. */
  error(line: number, rule: string, message: string): void {
    this.list.push({ file: this.file, line, severity: "error", message, rule });
  }
}

/** Shortens a value for quoting in a message. */
export function quote(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, " ");
  return `\`${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}\``;
}
