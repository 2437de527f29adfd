/** Entry point of the detached process that empties an output's trash; see `trash.ts`. */
import { setPriority } from "node:os";
import { emptyTrash } from "./trash.js";

const root = process.argv[2];
if (root !== undefined) {
  // Deleting competes with whatever the user does next: let that go first.
  setPriority(19);
  emptyTrash(root);
}
