import { defineConfig } from "tsup";

// Two entries: the stores (`@rapk/store`) and the conformance suite (`@rapk/store/conformance`),
// which imports vitest and so is kept out of the main entry.
export default defineConfig({
  entry: { index: "src/index.ts", conformance: "src/conformance/index.ts" },
  format: ["esm"],
  dts: { compilerOptions: { paths: {} } },
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "node",
  external: ["vitest"],
});
