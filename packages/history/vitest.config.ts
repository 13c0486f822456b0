import { defineProject } from "vitest/config";
import { workspaceAliases } from "../../vitest.aliases.js";

export default defineProject({
  resolve: { alias: workspaceAliases },
  // Properties run 1000 times by default (RAPK_PROPERTY_RUNS), far beyond vitest's 5 s per test.
  test: { name: "history", include: ["test/**/*.test.ts"], environment: "node", testTimeout: 600_000 },
});
