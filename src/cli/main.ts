import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { BuildEvents } from "../build/analyse-inputs.js";
import { build } from "../build/build.js";
import { BuildError, fileSystemProblem, UsageError } from "../core/errors.js";
import { formatDiagnostic } from "../core/format-diagnostic.js";
import { fitHeapGrowthTo } from "../core/heap-growth.js";
import type { BuildOptions, Diagnostic } from "../core/types.js";
import { VERSION } from "../core/version.js";
import { findConfig, loadConfig } from "./config.js";
import { createProgress } from "./progress.js";

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Warnings printed after a build; `broadsheet check` lists every one. */
const SHOWN_WARNINGS = 40;

const HELP = `Usage: broadsheet <command> [INPUT...] [options]

Commands:
  build [INPUT...]    Build the archive from article folders (default: seeds) into --out
  check [INPUT...]    Parse and report problems without writing a site
  dev [INPUT...]      Build, serve on 127.0.0.1, rebuild and reload on change
  preview             Serve the built output folder as a static host would

Options:
  --out DIR           Output folder (default: dist)
  --base-url URL      Absolute URL the site is published at; enables feeds and sitemap
  --title TEXT        Site title (default: Broadsheet archive)
  --page-size N       Articles per listing page (default: 50)
  --templates DIR     Template folder (default: the built-in templates)
  --raw               Publish the scraped text without any cleaning
  --include-suspect   Publish pages the cleaner holds back (cookie walls, removal notices…)
  --workers N         Worker threads (default: the number of cores)
  --watch             With build: keep watching, rebuild on change (Ctrl-C to stop)
  --strict            Fail (exit 1) on any diagnostic
  --quiet             No progress bar or summary
  --config FILE       Config file (default: broadsheet.config.json, .js or .ts if present)
  --format text|json  Output format of check (default: text)
  --port N            Port for dev and preview (default: 8080, or the next free one)
  --host H            Address to listen on (default: 127.0.0.1)
  -h, --help          Show this help
  -v, --version       Show the version

Exit codes: 0 built, 1 build failed (or any diagnostic under --strict), 2 bad usage.`;

const FLAGS = {
  out: { type: "string" },
  "base-url": { type: "string" },
  title: { type: "string" },
  "page-size": { type: "string" },
  templates: { type: "string" },
  raw: { type: "boolean" },
  "include-suspect": { type: "boolean" },
  workers: { type: "string" },
  watch: { type: "boolean" },
  strict: { type: "boolean" },
  quiet: { type: "boolean" },
  config: { type: "string" },
  format: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`broadsheet: ${error.message}\nRun \`broadsheet --help\` for usage.\n`);
      return 2;
    }
    if (error instanceof BuildError) {
      process.stderr.write(`broadsheet: ${error.message}\n`);
      return 1;
    }
    const problem = fileSystemProblem(error);
    if (problem !== null) {
      process.stderr.write(`broadsheet: ${problem}\n`);
      return 1;
    }
    throw error;
  }
}

async function run(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${HELP}\n`);
    return values.help ? 0 : 2;
  }
  if (!["build", "check", "dev", "preview"].includes(command)) {
    throw new UsageError(`Unknown command \`${command}\`.`);
  }
  if (values.watch && command !== "build") {
    throw new UsageError(
      `--watch goes with \`build\`${command === "dev" ? ": `dev` watches already" : ""}.`,
    );
  }
  const cwd = process.cwd();
  const configFile = await findConfig(cwd, values.config);
  const config = configFile === null ? {} : await loadConfig(configFile);
  const options: BuildOptions = {
    inputs: inputs.length > 0 ? inputs : (config.inputs ?? ["seeds"]),
    out: values.out ?? config.out ?? "dist",
    baseUrl: normaliseBaseUrl(values["base-url"] ?? config.baseUrl ?? null),
    title: values.title ?? config.title ?? "Broadsheet archive",
    pageSize: positiveInt("--page-size", values["page-size"]) ?? config.pageSize ?? 50,
    templates: path.resolve(
      cwd,
      values.templates ?? config.templates ?? path.join(PACKAGE_ROOT, "templates"),
    ),
    raw: values.raw ?? config.raw ?? false,
    includeSuspect: values["include-suspect"] ?? config.includeSuspect ?? false,
    workers: positiveInt("--workers", values.workers) ?? config.workers ?? availableParallelism(),
    strict: values.strict ?? config.strict ?? false,
    quiet: values.quiet ?? false,
  };
  const host = values.host ?? "127.0.0.1";
  const port = positiveInt("--port", values.port) ?? 8080;

  if (command === "check") {
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json")
      throw new UsageError("--format must be text or json.");
    // Each command loads only its own modules: a build never loads the file watcher or servers.
    const { runCheck } = await import("../check/run-check.js");
    const { exitCode, output } = await runCheck(options, format);
    process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
    return exitCode;
  }
  if (command === "preview") {
    const { startPreviewServer } = await import("../serve/preview-server.js");
    const server = await startPreviewServer({ dir: path.resolve(cwd, options.out), port, host });
    process.stdout.write(`Previewing ${options.out} at ${server.url}\n`);
    await untilInterrupted();
    await server.close();
    return 0;
  }
  if (command === "dev") {
    const log = (line: string) => process.stdout.write(`${line}\n`);
    const { startDevServer } = await import("../serve/dev-server.js");
    const server = await startDevServer({ ...options, port, host, configFile, log });
    log(`Serving at ${server.url} — watching for changes, Ctrl-C to stop`);
    await untilInterrupted();
    await server.close();
    return 0;
  }
  return values.watch ? runWatch(options, configFile) : runBuild(options);
}

type Progress = ReturnType<typeof createProgress>;

/** A build's events drawn on the progress bar. */
function showing(progress: Progress): BuildEvents {
  const labels = { read: "Reading", clean: "Cleaning", render: "Rendering" } as const;
  return {
    onPhase: (phase, total) => {
      if (phase === "read") fitHeapGrowthTo(total);
      progress.phase(labels[phase], total);
    },
    onProgress: (done) => progress.update(done),
  };
}

async function runBuild(options: BuildOptions): Promise<number> {
  const progress = createProgress(process.stderr, !options.quiet);
  const result = await build(options, showing(progress)).finally(() => progress.done());
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  printDiagnostics(errors, warnings, options.quiet);
  if (!options.quiet || result.diagnostics.length > 0) {
    process.stdout.write(
      `Built ${result.articles} articles, ${result.pages} pages (${result.written} files written) into ${options.out}: ${errors.length} errors, ${warnings.length} warnings in ${result.seconds.toFixed(2)}s\n`,
    );
  }
  return options.strict && result.diagnostics.length > 0 ? 1 : 0;
}

/**
 * `build --watch`: the dev server's builds without the server, for a site served by another
 * host. Under `--quiet` only failures are told, with their details. Ctrl-C ends it with 0,
 * whatever the last build found: it is the user stopping, not a build's verdict.
 */
async function runWatch(options: BuildOptions, configFile: string | null): Promise<number> {
  // An indented line belongs to the line above it, and is printed when that one was.
  let printing = true;
  const log = (line: string) => {
    if (!line.startsWith("  ")) printing = !options.quiet || line.startsWith("✗");
    if (printing) process.stdout.write(`${line}\n`);
  };
  const progress = createProgress(process.stderr, !options.quiet);
  const { startLiveBuild } = await import("../serve/live-build.js");
  const live = await startLiveBuild(
    {
      ...options,
      configFile,
      // The first build's bar goes before its lines are printed.
      log: (line) => {
        progress.done();
        log(line);
      },
      keptNote: `The last good site is left in ${options.out}.`,
      firstBuild: showing(progress),
    },
    () => undefined,
  );
  log("Watching for changes, Ctrl-C to stop");
  await untilInterrupted();
  await live.close();
  return 0;
}

function printDiagnostics(
  errors: readonly Diagnostic[],
  warnings: readonly Diagnostic[],
  quiet: boolean,
): void {
  const shown = [...errors, ...(quiet ? [] : warnings.slice(0, SHOWN_WARNINGS))];
  for (const d of shown) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const hidden = errors.length + warnings.length - shown.length;
  if (hidden > 0 && !quiet)
    process.stderr.write(`…and ${hidden} more warnings; \`broadsheet check\` lists them all.\n`);
}

function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} must be a whole number above 0, not \`${value}\`.`);
  return n;
}

function normaliseBaseUrl(value: string | null): string | null {
  if (value === null) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url must be an absolute http(s) URL, not \`${value}\`.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--base-url must be an http(s) URL, not \`${value}\`.`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}
