import { defineConfig } from "vitest/config";

// Vitest 4 reads only `test.projects`; this file is the root config that `pnpm test` runs.
export default defineConfig({
  test: {
    projects: ["packages/*", "tools/packaging", "apps/viewer/vitest.config.ts", "apps/viewer/vitest.e2e.config.ts"],
  },
});
