import { defineProject } from "vitest/config";
import { workspaceAliases } from "../../vitest.aliases.js";

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: { name: "server", include: ["test/**/*.test.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 120_000 },
});
