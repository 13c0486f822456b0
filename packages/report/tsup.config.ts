import { defineConfig } from "tsup";

// ESM only: exceljs is loaded by a dynamic import when a workbook is made, so a bundler splits
// it into a chunk of its own and the rest stays small.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: { compilerOptions: { paths: {} } },
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
});
