import { defineProject } from "vitest/config";

// The packages as npm users get them: packed, installed elsewhere, imported, required, typed.
export default defineProject({
  test: { name: "packaging", include: ["test/**/*.test.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 240_000 },
});
