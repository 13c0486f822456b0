import { defineConfig } from "tsup";
import { neutralLibrary } from "../../tsup.base.js";

// Two entries: the log (`@rapk/history`) and signing (`@rapk/history/signing`).
export default defineConfig({ ...neutralLibrary, entry: ["src/index.ts", "src/signing.ts"] });
