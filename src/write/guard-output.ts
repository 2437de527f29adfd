import { homedir } from "node:os";
import path from "node:path";
import { UsageError } from "../core/errors.js";

/**
 * Refuses output folders whose replacement would destroy something that is not a built site: the
 * file system root, the home folder, the working folder (the project), and any input folder or a
 * folder holding one.
 */
export function guardOutput(out: string, inputs: readonly string[], cwd: string): void {
  const target = path.resolve(cwd, out);
  const refuse = (why: string) => {
    throw new UsageError(
      `Refusing to use \`${out}\` as the output folder: it is ${why}. Choose an empty or dedicated folder such as \`dist\`.`,
    );
  };
  if (target === path.parse(target).root) refuse("the root of the file system");
  if (target === path.resolve(homedir())) refuse("your home folder");
  if (target === path.resolve(cwd)) refuse("the current project folder");
  for (const input of inputs) {
    const source = path.resolve(cwd, input);
    if (source === target) refuse(`the input folder \`${input}\``);
    if (source.startsWith(target + path.sep)) refuse(`a parent of the input \`${input}\``);
  }
}
