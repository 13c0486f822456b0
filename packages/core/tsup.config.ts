import { defineConfig } from "tsup";

export default defineConfig({
  // The test helpers are their own entry (`@rapk/core/testing`), so the main one carries no test code.
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
});
