import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { createJiti } from "jiti";
import { BuildError } from "../core/errors.js";

/** Settings a config file may hold; the same names as the command-line options. */
export interface ConfigFile {
  inputs?: string[];
  out?: string;
  baseUrl?: string;
  title?: string;
  pageSize?: number;
  templates?: string;
  raw?: boolean;
  includeSuspect?: boolean;
  workers?: number;
  strict?: boolean;
}

/** Config file names looked for in the working folder, in this order. */
export const CONFIG_NAMES = [
  "broadsheet.config.json",
  "broadsheet.config.js",
  "broadsheet.config.ts",
];

const SHAPE: Record<keyof ConfigFile, "string" | "number" | "boolean" | "string[]"> = {
  inputs: "string[]",
  out: "string",
  baseUrl: "string",
  title: "string",
  pageSize: "number",
  templates: "string",
  raw: "boolean",
  includeSuspect: "boolean",
  workers: "number",
  strict: "boolean",
};

/** Finds the config file: the one named, else the first of CONFIG_NAMES present; or none. */
export async function findConfig(cwd: string, named: string | undefined): Promise<string | null> {
  if (named !== undefined) return path.resolve(cwd, named);
  for (const name of CONFIG_NAMES) {
    const candidate = path.join(cwd, name);
    if ((await stat(candidate).catch(() => null))?.isFile()) return candidate;
  }
  return null;
}

/** Loads and checks a config file; any problem is a BuildError naming the file and the key. */
export async function loadConfig(file: string): Promise<ConfigFile> {
  let data: unknown;
  try {
    if (file.endsWith(".json")) {
      data = JSON.parse(await readFile(file, "utf8"));
    } else {
      const jiti = createJiti(import.meta.url, { moduleCache: false });
      const loaded = await jiti.import<{ default?: unknown }>(file);
      data = loaded.default ?? loaded;
    }
  } catch (error) {
    throw new BuildError(`Could not read the config file ${file}: ${(error as Error).message}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new BuildError(`The config file ${file} must hold an object of settings.`);
  }
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const kind = SHAPE[key as keyof ConfigFile];
    if (kind === undefined) {
      throw new BuildError(
        `Unknown setting \`${key}\` in ${file}; known settings: ${Object.keys(SHAPE).join(", ")}.`,
      );
    }
    const ok =
      kind === "string[]"
        ? Array.isArray(value) && value.every((v) => typeof v === "string")
        : typeof value === kind;
    if (!ok) throw new BuildError(`Setting \`${key}\` in ${file} must be a ${kind}.`);
    config[key] = value;
  }
  return config as ConfigFile;
}
