import { defineConfig } from "tsup";
import { againstBuilds, nodePackage } from "../../tsup.base.js";

export default defineConfig({
  ...nodePackage,
  entry: { index: "src/index.ts" },
  dts: againstBuilds,
});
