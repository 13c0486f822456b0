import { defineConfig } from "tsup";

// Three entries: the contract and the memory store (`@rapk/store`, browser-safe), the NDJSON file
// store (`@rapk/store/file`, Node) and the conformance suite (`@rapk/store/conformance`, which
// imports vitest), so that none drags the others' dependencies in.
export default defineConfig({
  entry: { index: "src/index.ts", file: "src/file/index.ts", conformance: "src/conformance/index.ts" },
  format: ["esm"],
  dts: { compilerOptions: { paths: {} } },
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "node",
  external: ["vitest", "fs-native-extensions"],
});
