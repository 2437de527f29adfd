import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildOptions, BuildResult, Diagnostic } from "../../src/core/types.js";
import { applyConfigChange } from "../../src/serve/config-reload.js";
import {
  browserPayload,
  describeBuild,
  INITIAL_STATE,
  nextState,
} from "../../src/serve/dev-state.js";
import { injectClient } from "../../src/serve/inject.js";
import { requestSegments } from "../../src/serve/resolve-request.js";
import { createIgnore } from "../../src/serve/watch-sources.js";

const diag = (file: string, severity: Diagnostic["severity"], rule = "parse/x"): Diagnostic => ({
  file,
  line: 1,
  severity,
  message: `problem in ${file}`,
  rule,
});

const built = (diagnostics: Diagnostic[], written = 3): { kind: "built"; result: BuildResult } => ({
  kind: "built",
  result: { articles: 10, pages: 20, written, diagnostics, seconds: 0.1 },
});

describe("nextState", () => {
  it("moves to a new build id when pages were written or problems changed, not otherwise", () => {
    const first = nextState(INITIAL_STATE, built([], 0));
    expect(first.id).toBe(1);
    expect(nextState(first, built([], 0)).id).toBe(1);
    expect(nextState(first, built([], 2)).id).toBe(2);
    const broken = nextState(first, built([diag("a.txt", "error")], 0));
    expect(broken.id).toBe(2);
    expect(broken.errors).toHaveLength(1);
    expect(nextState(broken, built([diag("a.txt", "error")], 0)).id).toBe(2);
  });

  it("keeps the last good diagnostics when the build fails as a whole", () => {
    const good = nextState(INITIAL_STATE, built([diag("a.txt", "warning")]));
    const failed = nextState(good, { kind: "failed", message: "Template `x.eta` failed" });
    expect(failed.fatal).toBe("Template `x.eta` failed");
    expect(failed.diagnostics).toEqual(good.diagnostics);
    expect(failed.id).toBe(good.id + 1);
    expect(nextState(failed, built([diag("a.txt", "warning")], 0)).fatal).toBeNull();
  });
});

describe("browserPayload", () => {
  it("sends errors only, capped, with their total", () => {
    const errors = Array.from({ length: 150 }, (_, i) => diag(`f${i}.txt`, "error"));
    const state = nextState(INITIAL_STATE, built([...errors, diag("w.txt", "warning")]));
    const payload = browserPayload(state);
    expect(payload.errorCount).toBe(150);
    expect(payload.errors).toHaveLength(100);
    expect(payload.errors[0]).toEqual({
      file: "f0.txt",
      line: 1,
      message: "problem in f0.txt",
      rule: "parse/x",
    });
  });
});

describe("describeBuild", () => {
  const KEPT = "The last good site is still served.";
  it("reports the first build with its errors but not its old warnings", () => {
    const next = nextState(
      INITIAL_STATE,
      built([diag("a.txt", "error"), diag("b.txt", "warning")]),
    );
    const lines = describeBuild(INITIAL_STATE, next, built([]), [], 1234.4, KEPT);
    expect(lines[0]).toBe("Built 10 articles, 20 pages in 1234 ms (1 error, 1 warning)");
    expect(lines).toContain("  a.txt:1  error  problem in a.txt  [parse/x]");
    expect(lines.join("\n")).not.toContain("b.txt");
  });

  it("reports a rebuild with the changed file and only the new problems", () => {
    const before = nextState(INITIAL_STATE, built([diag("b.txt", "warning")]));
    const outcome = built([diag("b.txt", "warning"), diag("c.txt", "warning")], 1);
    const after = nextState(before, outcome);
    const lines = describeBuild(before, after, outcome, ["in/c.txt"], 80, KEPT);
    expect(lines[0]).toBe("↻ in/c.txt changed: 1 file written in 80 ms (0 errors, 2 warnings)");
    expect(lines.slice(1)).toEqual(["  c.txt:1  warning  problem in c.txt  [parse/x]"]);
  });

  it("says what is left in place after a failed build", () => {
    const good = nextState(INITIAL_STATE, built([]));
    const outcome = { kind: "failed", message: "templates/article.eta: bad" } as const;
    expect(describeBuild(good, nextState(good, outcome), outcome, ["t.eta"], 5, KEPT)).toEqual([
      "✗ Build failed: templates/article.eta: bad",
      `  ${KEPT}`,
    ]);
  });

  it("tells of no site left in place when no build was good before", () => {
    const outcome = { kind: "failed", message: "layout.eta: bad" } as const;
    const failed = nextState(INITIAL_STATE, outcome);
    expect(describeBuild(INITIAL_STATE, failed, outcome, [], 5, KEPT)).toEqual([
      "✗ Build failed: layout.eta: bad",
    ]);
    expect(describeBuild(failed, nextState(failed, outcome), outcome, ["t.eta"], 5, KEPT)).toEqual([
      "✗ Build failed: layout.eta: bad",
    ]);
  });

  it("says so when the last error is fixed", () => {
    const broken = nextState(nextState(INITIAL_STATE, built([])), built([diag("a.txt", "error")]));
    const fixed = nextState(broken, built([]));
    expect(describeBuild(broken, fixed, built([]), ["a.txt", "b.txt"], 5, KEPT).at(-1)).toBe(
      "✓ No errors left.",
    );
  });
});

describe("injectClient", () => {
  it("puts the client before the last </body>", () => {
    const html = "<html><body><p>x</p><pre>&lt;/body&gt;</pre></BODY></html>";
    const out = injectClient(html, 7);
    expect(out).toBe(
      '<html><body><p>x</p><pre>&lt;/body&gt;</pre><script src="/__broadsheet/client.js" data-build="7"></script>\n</BODY></html>',
    );
  });

  it("appends the client to a page without a body end tag", () => {
    expect(injectClient("<p>bare", 1)).toMatch(
      /^<p>bare\n<script src="\/__broadsheet\/client\.js" data-build="1"><\/script>\n$/,
    );
  });
});

describe("requestSegments", () => {
  it.each([
    ["/a/b/", ["a", "b", ""]],
    ["/caf%C3%A9/?q=1#x", ["café", ""]],
    ["/", [""]],
  ])("splits %s", (url, segments) => {
    expect(requestSegments(url)).toEqual(segments);
  });

  it.each(["/../x", "/%2e%2e/x", "/a%2fb", "/a%5cb", "/%00", "/%zz", "relative", "/./x"])(
    "refuses %s",
    (url) => {
      expect(requestSegments(url)).toBeNull();
    },
  );
});

describe("createIgnore", () => {
  const targets = {
    inputs: ["/p/in", "/p/.hidden-input"],
    templates: "/p/templates",
    configFile: "/p/broadsheet.config.json",
    out: "/p/in/dist",
  };
  const ignore = createIgnore(targets);

  it("skips the output, dotfiles, node_modules and backups", () => {
    expect(ignore("/p/in/dist")).toBe(true);
    expect(ignore("/p/in/dist/index.html")).toBe(true);
    expect(ignore("/p/in/.git")).toBe(true);
    expect(ignore("/p/in/.story.txt.swp")).toBe(true);
    expect(ignore("/p/in/node_modules")).toBe(true);
    expect(ignore("/p/in/story.txt~")).toBe(true);
  });

  it("keeps articles, templates, the config and inputs named explicitly", () => {
    expect(ignore("/p/in/story.txt")).toBe(false);
    expect(ignore("/p/in/distant/story.txt")).toBe(false);
    expect(ignore("/p/templates/layout.eta")).toBe(false);
    expect(ignore("/p/broadsheet.config.json")).toBe(false);
    expect(ignore("/p/.hidden-input")).toBe(false);
  });
});

describe("applyConfigChange", () => {
  const options: BuildOptions = {
    inputs: ["in"],
    out: "dist",
    baseUrl: null,
    title: "From the command line",
    pageSize: 50,
    templates: "/pkg/templates",
    raw: false,
    includeSuspect: false,
    workers: 2,
    strict: false,
    quiet: true,
  };

  it("takes only the settings edited in the file", () => {
    const next = applyConfigChange(
      options,
      { title: "Old title", pageSize: 20 },
      { title: "Old title", pageSize: 30, templates: "my-templates", baseUrl: "https://x.example" },
      "/p",
    );
    expect(next.title).toBe("From the command line");
    expect(next.pageSize).toBe(30);
    expect(next.templates).toBe(resolve("/p", "my-templates"));
    expect(next.baseUrl).toBe("https://x.example/");
    expect(next.inputs).toEqual(["in"]);
  });

  it("keeps the running value of a setting removed from the file", () => {
    const next = applyConfigChange(options, { pageSize: 20 }, {}, "/p");
    expect(next).toEqual(options);
  });
});
