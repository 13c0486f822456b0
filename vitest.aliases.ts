import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Tests import workspace packages from their sources, so a change in one package is seen by the
// tests of the others without a rebuild. (The built output is tested by its own test.)
const packages = ["core", "import", "history", "report", "cli", "examples", "store-postgres"];

export const workspaceAliases: Record<string, string> = Object.fromEntries(
  packages
    .map((name) => [`@rapk/${name}`, fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))] as const)
    .filter(([, path]) => existsSync(path)),
);
