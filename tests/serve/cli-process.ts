import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const TSX = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;
const MAIN = pathToFileURL(resolve("src/cli/main.ts")).href;

/** Runs `broadsheet ARGS` from source in `cwd`, as the executable would. */
export function broadsheet(cwd: string, args: string[]): ChildProcess {
  const script = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;
  return spawn(process.execPath, ["--import", TSX, "--input-type=module", "-e", script, ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Longest wait for a line: below the tests' own timeout, so a miss shows what was printed. */
const WAIT_MS = 20_000;

/** Resolves with the first match of `pattern` in what the process prints from now on. */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((done, fail) => {
    let text = "";
    const timer = setTimeout(
      () => fail(new Error(`no line matching ${pattern} in:\n${text}`)),
      WAIT_MS,
    );
    child.stdout?.on("data", function listen(chunk: Buffer) {
      text += chunk.toString();
      const match = text.match(pattern);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off("data", listen);
        done(match);
      }
    });
  });
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once("exit", (code) => done(code)));
}

/** The exit code of a process that ends by itself, and what it printed to stderr. */
export async function endOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { code: await exitOf(child), stderr };
}
