import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The root of this checkout, whose compiled `build/` is used unless another is named. */
export const CHECKOUT = new URL("../..", import.meta.url).pathname;

/** A module of the compiled Broadsheet in `product` (a folder holding `build/`). */
export function compiledModule(product: string, module: string): Promise<unknown> {
  return import(pathToFileURL(join(product, "build", module)).href);
}

/**
 * A loader of build caches made with the compiled Broadsheet in `product`, its modules imported
 * now so a timed load does not include them. The generator stamp comes from the same checkout: a
 * copied stamp would load an empty cache once the stamp changes.
 */
export async function compiledCacheLoader(
  product: string,
): Promise<(cacheDir: string) => Promise<{ cleans: Map<string, { record: unknown }> }>> {
  const { loadCache } = (await compiledModule(product, "build/cache-store.js")) as {
    loadCache: (
      dir: string,
      stamp: string,
    ) => Promise<{ cleans: Map<string, { record: unknown }> }>;
  };
  const { generatorStamp } = (await compiledModule(product, "build/generator-stamp.js")) as {
    generatorStamp: () => Promise<string>;
  };
  const stamp = await generatorStamp();
  return (cacheDir) => loadCache(cacheDir, stamp);
}
