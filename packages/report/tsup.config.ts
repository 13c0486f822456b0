import { defineConfig } from "tsup";
import { againstBuilds, neutralLibrary } from "../../tsup.base.js";

// ESM only: exceljs is loaded by a dynamic import when a workbook is made, so a bundler splits
// it into a chunk of its own and the rest stays small.
export default defineConfig({ ...neutralLibrary, entry: ["src/index.ts"], format: ["esm"], dts: againstBuilds });
