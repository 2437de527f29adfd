import { Eta } from "eta";
import { BuildError } from "../core/errors.js";

/** Renders named Eta templates from one folder. */
export interface Templates {
  render(name: string, data: object): string;
}

/** Loads the templates in `dir`; a template that fails to compile or run stops the build. */
export function createTemplates(dir: string): Templates {
  const options = { views: dir, cache: true, autoEscape: true, autoTrim: false } as const;
  const eta = new Eta(options);
  return {
    render(name, data) {
      try {
        return eta.render(`./${name}`, data);
      } catch (error) {
        // Eta tells the file and line of an error only in debug mode, which makes every page
        // slower to render: the failed page alone is rendered again in it, to say where.
        let where: unknown = error;
        try {
          new Eta({ ...options, debug: true }).render(`./${name}`, data);
        } catch (again) {
          where = again;
        }
        throw new BuildError(`Template \`${name}.eta\` in ${dir} failed: ${problemOf(where)}`, {
          cause: error,
        });
      }
    },
  };
}

/**
 * Eta's message, without the whole compiled function it appends to a syntax error below a rule
 * of `=`: JavaScript its author never wrote, and dozens of lines burying the one that helps.
 */
function problemOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const rule = /\n=+\n/.exec(message);
  if (rule === null) return message;
  return message
    .slice(0, rule.index)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .join(": ");
}
