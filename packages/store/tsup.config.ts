import { defineConfig } from "tsup";
import { againstBuilds, nodePackage } from "../../tsup.base.js";

// Three entries: the contract and the memory store (`@rapk/store`, browser-safe), the NDJSON file
// store (`@rapk/store/file`, Node) and the conformance suite (`@rapk/store/conformance`, which
// imports vitest), so that none drags the others' dependencies in.
export default defineConfig({
  ...nodePackage,
  entry: { index: "src/index.ts", file: "src/file/index.ts", conformance: "src/conformance/index.ts" },
  dts: againstBuilds,
  external: ["vitest", "fs-native-extensions"],
});
