import { defineConfig } from "tsup";
import { neutralLibrary } from "../../tsup.base.js";

export default defineConfig({ ...neutralLibrary, entry: ["src/index.ts"] });
