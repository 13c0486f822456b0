import { defineConfig } from "tsup";

// Two entries: the library (main, stateToJson, ...) and the `rapk` binary (its shebang makes tsup
// mark it executable). Workspace packages stay external, resolved from their own builds; the
// declarations are checked against those builds too, not against their sources (tsconfig paths).
export default defineConfig({
  entry: { index: "src/index.ts", rapk: "src/rapk.ts" },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts" }, compilerOptions: { paths: {} } },
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "node",
});
