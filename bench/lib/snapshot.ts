import { spawnSync } from "node:child_process";
import { mkdirSync, renameSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { isDirectory, moveAway } from "./tree.js";

/** A compiled copy of the product at one commit, isolated from edits to the working tree. */
export interface Snapshot {
  readonly commit: string;
  /** The folder holding `bin/`, `build/` and `templates/`. */
  readonly dir: string;
  readonly bin: string;
  readonly templates: string;
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed in ${cwd}:\n${result.stderr}${result.stdout}`,
    );
  }
  return result.stdout;
}

/**
 * Extracts HEAD's sources into `<work>/snapshot-<commit>` and compiles them there (once per
 * commit), so a series of builds measures one fixed program even while `build/` is recompiled.
 */
export function snapshotHead(root: string, work: string, trash: string): Snapshot {
  const commit = run("git", ["rev-parse", "--short", "HEAD"], root).trim();
  const dir = join(work, `snapshot-${commit}`);
  const snapshot = {
    commit,
    dir,
    bin: join(dir, "bin", "broadsheet.js"),
    templates: join(dir, "templates"),
  };
  if (isDirectory(dir)) return snapshot;
  const partial = `${dir}.partial`;
  moveAway(partial, trash);
  mkdirSync(partial, { recursive: true });
  const files = ["bin", "src", "templates", "package.json", "tsconfig.json", "tsconfig.build.json"];
  const tar = spawnSync(
    "sh",
    ["-c", `git archive HEAD ${files.join(" ")} | tar -x -C "${partial}"`],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (tar.status !== 0) throw new Error(`could not extract HEAD into ${partial}`);
  symlinkSync(join(root, "node_modules"), join(partial, "node_modules"));
  // A type error elsewhere in the project must not stop the benchmark: tsc still emits.
  spawnSync(
    process.execPath,
    [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: partial,
      stdio: "inherit",
    },
  );
  if (!isDirectory(join(partial, "build", "cli")))
    throw new Error(`compiling ${partial} emitted nothing`);
  renameSync(partial, dir);
  return snapshot;
}
