import { resolve } from "node:path";
import type { ConfigFile } from "../cli/config.js";
import type { BuildOptions } from "../core/types.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const KEYS = [
  "inputs",
  "out",
  "baseUrl",
  "title",
  "pageSize",
  "templates",
  "raw",
  "includeSuspect",
  "workers",
  "strict",
] as const satisfies readonly (keyof ConfigFile & keyof BuildOptions)[];

/**
 * Applies an edited config file to running options. Only settings whose value changed in the
 * file are taken, so a setting given on the command line stays in force until the user edits
 * that very setting; a setting deleted from the file keeps its current value.
 */
export function applyConfigChange(
  options: BuildOptions,
  before: ConfigFile,
  after: ConfigFile,
  cwd: string,
): BuildOptions {
  const next: Mutable<BuildOptions> = { ...options };
  for (const key of KEYS) {
    const value = after[key];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) continue;
    switch (key) {
      case "templates":
        next.templates = resolve(cwd, value as string);
        break;
      case "baseUrl":
        next.baseUrl = (value as string).endsWith("/") ? (value as string) : `${value}/`;
        break;
      default:
        (next as Record<string, unknown>)[key] = value;
    }
  }
  return next;
}
