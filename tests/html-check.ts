import path from "node:path";
import { Parser } from "htmlparser2";
import { listFiles, readSite } from "./helpers.js";

/** The href/src values of the real elements of a page (text that merely looks like a tag is not one). */
export function linkTargets(html: string): string[] {
  const targets: string[] = [];
  const parser = new Parser({
    onopentag(_name, attributes) {
      for (const key of ["href", "src"]) {
        const value = attributes[key];
        if (value !== undefined) targets.push(value);
      }
    },
  });
  parser.write(html);
  parser.end();
  return targets;
}

/** Checks that every href/src of every page resolves to a file of the site; returns the broken ones. */
export async function brokenLinks(out: string): Promise<string[]> {
  const files = await listFiles(out);
  const present = new Set(files);
  const broken: string[] = [];
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    for (const target of linkTargets(await readSite(out, file))) {
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      const clean = target.replace(/[?#].*$/, "");
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), clean));
      if (target.startsWith("/") || !present.has(resolved)) broken.push(`${file} → ${target}`);
    }
  }
  return broken;
}

/**
 * Real elements or attributes an attacker could have injected: event-handler attributes,
 * javascript: URLs, scripts other than JSON-LD or the site's own search scripts, frames, images
 * with handlers. Escaped text that looks like these is not counted.
 */
export function injectedMarkup(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      for (const [key, value] of Object.entries(attributes)) {
        if (key.startsWith("on")) found.push(`<${name} ${key}>`);
        if (
          /^\s*(javascript|vbscript|data):/i.test(value) &&
          ["href", "src", "action", "formaction"].includes(key)
        ) {
          found.push(`<${name} ${key}=${value}>`);
        }
      }
      if (
        ["iframe", "object", "embed", "img", "svg", "style"].includes(name) &&
        !attributes.class?.startsWith("timeline")
      ) {
        found.push(`<${name}>`);
      }
      if (
        name === "script" &&
        attributes.type !== "application/ld+json" &&
        !/assets\/search(-core)?\.js$/.test(attributes.src ?? "")
      ) {
        found.push(`<script ${JSON.stringify(attributes)}>`);
      }
    },
  });
  parser.write(html);
  parser.end();
  return found;
}
