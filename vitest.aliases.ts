import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Tests import workspace packages from their sources, so a change in one package is seen by the
// tests of the others without a rebuild. (The built output is tested by its own test.)
const packages = ["core", "import", "history", "store", "report", "cli", "examples", "store-postgres", "server"];
// Entries below a package's own (`@rapk/store/conformance`) come first: an alias also matches
// what starts with its name and a slash, so the package's own entry would take them otherwise.
const subpaths: Record<string, string> = {
  "@rapk/store/conformance": "store/src/conformance/index.ts",
  "@rapk/store/file": "store/src/file/index.ts",
  "@rapk/core/testing": "core/src/testing/index.ts",
  "@rapk/history/signing": "history/src/signing.ts",
};

export const workspaceAliases: Record<string, string> = Object.fromEntries(
  [
    ...Object.entries(subpaths).map(([name, path]) => [name, fileURLToPath(new URL(`./packages/${path}`, import.meta.url))] as const),
    ...packages.map((name) => [`@rapk/${name}`, fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))] as const),
  ].filter(([, path]) => existsSync(path)),
);
