import { defineConfig } from "tsup";
import { nodePackage } from "../../tsup.base.js";

// One Node program. The workspace packages are bundled from their sources (tsconfig paths), so
// the benchmark measures the code as it is now, without building core and history first.
export default defineConfig({ ...nodePackage, entry: { main: "src/main.ts" }, noExternal: [/^@rapk\//] });
