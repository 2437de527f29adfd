import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION } from "../core/version.js";

const HERE = fileURLToPath(import.meta.url);
/** The folder of the running code: `build/` when compiled, `src/` when run from source. */
const CODE_ROOT = path.resolve(path.dirname(HERE), "..");
/** `.js` or `.ts`: the running code's own files, not its source maps or sources beside it. */
const CODE_EXT = path.extname(HERE);

let stamp: Promise<string> | null = null;

/**
 * What stamps every build cache, search base and no-change check: the version and a digest of
 * the code that runs. Any change to the code may change the pages the same input makes; with the
 * version alone, a checkout or an install patched between releases trusted pages an older code
 * made, and every change to the output had to remember a version bump. Reading the code takes
 * about 15 ms, once per process.
 */
export function generatorStamp(): Promise<string> {
  stamp ??= codeDigest(CODE_ROOT, CODE_EXT).then((code) => `broadsheet ${VERSION} ${code}`);
  return stamp;
}

/** A digest of the names and bytes of the files under `root` whose names end in `ext`. */
export async function codeDigest(root: string, ext: string): Promise<string> {
  const hash = createHash("sha1");
  const names = (await readdir(root, { recursive: true }))
    .map(String)
    .filter((name) => path.extname(name) === ext)
    .sort();
  // Read at once, hashed in order: one file after another took 40 ms.
  const contents = await Promise.all(names.map((name) => readFile(path.join(root, name))));
  names.forEach((name, i) => {
    hash
      .update(name)
      .update("\0")
      .update(contents[i] as Buffer)
      .update("\0");
  });
  return hash.digest("hex").slice(0, 16);
}
