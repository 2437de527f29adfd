/** The relative prefix from a page to the site root: `""` at the root, `../../` two folders down. */
export function rootPrefix(pagePath: string): string {
  const depth = pagePath.split("/").length - 1;
  return "../".repeat(depth);
}

/** A relative link from one output file to another, both given as site-relative paths. */
export function relativeHref(fromPath: string, toPath: string): string {
  return rootPrefix(fromPath) + toPath;
}
