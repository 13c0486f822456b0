import preact from "@preact/preset-vite";
import { defineProject } from "vitest/config";
import { viewerAliases } from "./viewer.aliases.js";

export default defineProject({
  plugins: [preact()],
  resolve: { alias: viewerAliases },
  test: { name: "viewer", include: ["test/*.test.{ts,tsx}"], environment: "happy-dom", setupFiles: ["test/setup.ts"] },
});
