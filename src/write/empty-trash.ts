/** Entry point of the detached process that empties an output's trash; see `trash.ts`. */
import { emptyTrash } from "./trash.js";

const root = process.argv[2];
if (root !== undefined) emptyTrash(root, true);
