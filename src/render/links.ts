/** The relative prefix from a page to the site root: `""` at the root, `../../` two folders down. */
export function rootPrefix(pagePath: string): string {
  const depth = pagePath.split("/").length - 1;
  return "../".repeat(depth);
}
