import { Eta } from "eta";
import { BuildError } from "../core/errors.js";

/** Renders named Eta templates from one folder. */
export interface Templates {
  render(name: string, data: object): string;
}

/** Loads the templates in `dir`; a template that fails to compile or run stops the build. */
export function createTemplates(dir: string): Templates {
  const eta = new Eta({ views: dir, cache: true, autoEscape: true, autoTrim: false });
  return {
    render(name, data) {
      try {
        return eta.render(`./${name}`, data);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new BuildError(`Template \`${name}.eta\` in ${dir} failed: ${detail}`, {
          cause: error,
        });
      }
    },
  };
}
