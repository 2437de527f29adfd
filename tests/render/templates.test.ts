import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuildError } from "../../src/core/errors.js";
import { createTemplates } from "../../src/render/templates.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "broadsheet-templates-"));
  await writeFile(join(dir, "good.eta"), "<h1><%= it.title %></h1>");
  await writeFile(join(dir, "syntax.eta"), "<h1><%= it.title( %></h1>");
  await writeFile(join(dir, "runtime.eta"), "<h1><%= it.missing.name %></h1>");
  await writeFile(join(dir, "outer.eta"), "<main>\n<%~ include('./runtime', it) %></main>");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function failure(name: string): BuildError {
  try {
    createTemplates(dir).render(name, { title: "<Quay>" });
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error(`${name} rendered`);
}

describe("createTemplates", () => {
  it("renders with escaping", () => {
    expect(createTemplates(dir).render("good", { title: "<Quay>" })).toBe("<h1>&lt;Quay&gt;</h1>");
  });

  it("names the template of a syntax error in one line, without the compiled function", () => {
    const error = failure("syntax");
    expect(error.message).toBe(
      `Template \`syntax.eta\` in ${dir} failed: Bad template syntax: missing ) after argument list`,
    );
  });

  it("gives the file and line of an error while rendering, through includes", () => {
    const error = failure("outer");
    expect(error.message).toContain(`failed: ${join(dir, "outer.eta")}:2\n`);
    expect(error.message).toContain(
      `${join(dir, "runtime.eta")}:1\n >> 1| <h1><%= it.missing.name %>`,
    );
    expect(error.message).toMatch(/Cannot read properties of undefined \(reading 'name'\)$/);
  });
});
