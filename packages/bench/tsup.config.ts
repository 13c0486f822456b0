import { defineConfig } from "tsup";

// One Node program. The workspace packages are bundled from their sources (tsconfig paths), so
// the benchmark measures the code as it is now, without building core and history first.
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "node",
  noExternal: [/^@rapk\//],
});
