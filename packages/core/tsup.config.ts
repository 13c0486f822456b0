import { defineConfig } from "tsup";
import { neutralLibrary } from "../../tsup.base.js";

export default defineConfig({
  ...neutralLibrary,
  // The test helpers are their own entry (`@rapk/core/testing`), so the main one carries no test code.
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
});
