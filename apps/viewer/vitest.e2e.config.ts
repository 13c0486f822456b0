import { defineProject } from "vitest/config";
import { viewerAliases } from "./viewer.aliases.js";

// Builds the app, serves it, and drives it in headless Chromium (test/e2e/).
export default defineProject({
  resolve: { alias: viewerAliases },
  test: {
    name: "viewer-e2e",
    include: ["test/e2e/*.test.ts"],
    environment: "node",
    globalSetup: ["test/e2e/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
