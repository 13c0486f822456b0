import { defineConfig } from "tsup";

// A Node library (it opens sockets). Workspace packages and pg stay external, resolved from their
// own builds; declarations are checked against those builds, not the sources (tsconfig paths).
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts" }, compilerOptions: { paths: {} } },
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "node",
});
