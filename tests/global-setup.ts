import { execFileSync } from "node:child_process";

/** Compiles the CLI once, so tests that spawn `bin/broadsheet.js` run what users run. */
export default function setup(): void {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
