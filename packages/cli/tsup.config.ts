import { defineConfig } from "tsup";
import { againstBuilds, nodePackage } from "../../tsup.base.js";

// Two entries: the library (main, stateToJson, ...) and the `rapk` binary (its shebang makes tsup
// mark it executable). Workspace packages stay external, resolved from their own builds, and the
// declarations are checked against those builds.
export default defineConfig({
  ...nodePackage,
  entry: { index: "src/index.ts", rapk: "src/rapk.ts" },
  dts: { entry: { index: "src/index.ts" }, ...againstBuilds },
});
