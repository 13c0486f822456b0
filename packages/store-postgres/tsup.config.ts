import { defineConfig } from "tsup";
import { againstBuilds, nodePackage } from "../../tsup.base.js";

// A Node library (it opens sockets). Workspace packages and pg stay external, resolved from their
// own builds; declarations are checked against those builds.
export default defineConfig({ ...nodePackage, entry: { index: "src/index.ts" }, dts: { entry: { index: "src/index.ts" }, ...againstBuilds } });
