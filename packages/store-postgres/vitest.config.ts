import { defineProject } from "vitest/config";
import { workspaceAliases } from "../../vitest.aliases.js";

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: "store-postgres",
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Starts one throwaway PostgreSQL 15 server for the project (and builds the CLI for the binary tests).
    globalSetup: ["test/globalSetup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
