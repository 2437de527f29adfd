import { describe, expect, it } from "vitest";
import { BuildError, markBuildError, reviveBuildError } from "../../src/core/errors.js";

/** A file-system error as Node makes it, with the fields a structured clone drops. */
function fsError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: failed, ${syscall}`);
  Object.assign(error, { code, syscall, errno: -28 }, path === undefined ? {} : { path });
  return error;
}

describe("errors crossing back from a worker thread", () => {
  it("tells a full disk in a worker as a build error naming the file", () => {
    const crossed = reviveBuildError(
      structuredClone(markBuildError(fsError("ENOSPC", "write", "/out/.site.staging/a.html"))),
    );
    expect(crossed).toBeInstanceOf(BuildError);
    expect((crossed as Error).message).toBe(
      "could not write /out/.site.staging/a.html: ENOSPC. Check that the output folder is writable and the disk has room.",
    );
  });

  it("would otherwise lose the code and path on the way", () => {
    const plain = structuredClone(fsError("ENOSPC", "write", "/out/a.html"));
    expect((plain as NodeJS.ErrnoException).code).toBeUndefined();
  });

  it("leaves other errors, bugs among them, as they are", () => {
    const bug = new TypeError("x is undefined");
    expect(markBuildError(bug)).toBe(bug);
    const missing = fsError("ENOENT", "open", "/in/a.txt");
    expect(markBuildError(missing)).toBe(missing);
  });
});
