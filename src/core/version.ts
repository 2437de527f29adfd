/**
 * Broadsheet's version, as package.json gives it (a test keeps the two equal). It also stamps
 * every build cache and no-change check, so a release whose pages differ for the same input
 * builds the sites of earlier ones again.
 */
export const VERSION = "0.2.0";
