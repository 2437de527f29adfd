/** A problem that stops the build (broken config or template, unwritable output): exit code 1. */
export class BuildError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BuildError";
  }
}

/** A command line or configuration the user must change before anything runs: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Worker threads pass errors back by structured clone, which keeps only standard error names;
 * a BuildError crosses as a plain Error whose message starts with this marker.
 */
export const BUILD_ERROR_MARK = "\u0000BuildError\u0000";

/** Restores a BuildError that crossed a thread boundary; other errors pass unchanged. */
export function reviveBuildError(error: unknown): unknown {
  if (error instanceof Error && error.message.startsWith(BUILD_ERROR_MARK)) {
    return new BuildError(error.message.slice(BUILD_ERROR_MARK.length));
  }
  return error;
}

/**
 * Marks a BuildError so it survives the trip back from a worker thread; so does a file-system
 * error the user must fix, as a BuildError saying so, since its code and path would not.
 */
export function markBuildError(error: unknown): unknown {
  if (error instanceof BuildError) return new Error(BUILD_ERROR_MARK + error.message);
  const problem = fileSystemProblem(error);
  return problem === null ? error : new Error(BUILD_ERROR_MARK + problem);
}

/** What to tell the user of a file-system error they must fix (a full disk, no permission). */
export function fileSystemProblem(error: unknown): string | null {
  const { code, syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof syscall !== "string" || !USER_FIXES.includes(code ?? "")) return null;
  return `could not ${syscall} ${path ?? "a file"}: ${code}. Check that the output folder is writable and the disk has room.`;
}

const USER_FIXES = ["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "ENOTDIR", "EISDIR", "EEXIST"];
