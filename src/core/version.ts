/**
 * Broadsheet's version, as package.json gives it (a test keeps the two equal). With a digest of
 * the code it stamps every build cache (see `build/generator-stamp.ts`).
 */
export const VERSION = "0.2.0";
