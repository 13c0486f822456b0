import { defineProject } from "vitest/config";
import { workspaceAliases } from "../../vitest.aliases.js";

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: "cli",
    include: ["test/**/*.test.ts"],
    environment: "node",
    // The binary tests need dist/rapk.js current; this builds it when a source is newer.
    globalSetup: ["test/globalSetup.ts"],
    // Child processes and two racing writers take longer than a pure unit test.
    testTimeout: 60_000,
  },
});
