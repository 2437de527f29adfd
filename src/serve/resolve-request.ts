import { realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** What a request URL names inside a served folder. */
export type Resolution =
  /** A regular file inside the folder; `path` is relative to it, POSIX. */
  | { readonly kind: "file"; readonly abs: string; readonly path: string }
  /** A folder named without its trailing slash: relative links only work after a redirect. */
  | { readonly kind: "redirect"; readonly location: string }
  | { readonly kind: "missing" }
  /** Malformed or escaping the folder (`..`, `%2e%2e`, NUL, backslash): refused outright. */
  | { readonly kind: "bad" };

const MISSING: Resolution = { kind: "missing" };
const BAD: Resolution = { kind: "bad" };

/** Splits the path of a raw request target into decoded segments, or `null` when unsafe. */
export function requestSegments(rawUrl: string): string[] | null {
  const end = rawUrl.search(/[?#]/);
  const rawPath = end === -1 ? rawUrl : rawUrl.slice(0, end);
  if (!rawPath.startsWith("/")) return null;
  const segments: string[] = [];
  // Decoding per segment keeps an encoded `%2f` from turning into a separator.
  for (const raw of rawPath.split("/").slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === "." || segment === ".." || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

async function fileInside(root: string, abs: string): Promise<boolean> {
  try {
    const [real, stats] = await Promise.all([realpath(abs), stat(abs)]);
    // A symlink may point anywhere; only what really lies inside the folder is served.
    return stats.isFile() && real.startsWith(root + sep);
  } catch {
    return false;
  }
}

async function isDirectory(abs: string): Promise<boolean> {
  try {
    return (await stat(abs)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Resolves a raw request target (`/2018/05/x/?q`) against `root` the way a static host does:
 * `index.html` for folders, `name.html` for an extensionless name, a redirect to add the slash,
 * and nothing outside `root` (after symlinks), nor dotfiles other than `/.well-known/`.
 */
export async function resolveRequest(root: string, rawUrl: string): Promise<Resolution> {
  const segments = requestSegments(rawUrl);
  if (segments === null) return BAD;
  const named = segments.filter((s) => s !== "");
  if (named.some((s, i) => s.startsWith(".") && !(i === 0 && s === ".well-known"))) return MISSING;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return MISSING;
  }
  const abs = join(realRoot, ...named);
  const trailingSlash = segments.at(-1) === "" || named.length === 0;
  const candidates = trailingSlash ? [join(abs, "index.html")] : [abs, `${abs}.html`];
  for (const candidate of candidates) {
    if (await fileInside(realRoot, candidate)) {
      return {
        kind: "file",
        abs: candidate,
        path: relative(realRoot, candidate).split(sep).join("/"),
      };
    }
  }
  if (
    !trailingSlash &&
    (await isDirectory(abs)) &&
    (await fileInside(realRoot, join(abs, "index.html")))
  ) {
    const rawQuery = rawUrl.includes("?") ? rawUrl.slice(rawUrl.indexOf("?")).split("#")[0] : "";
    const query = rawQuery !== undefined && /^[\x21-\x7e]*$/.test(rawQuery) ? rawQuery : "";
    return { kind: "redirect", location: `/${named.map(encodeURIComponent).join("/")}/${query}` };
  }
  return MISSING;
}
