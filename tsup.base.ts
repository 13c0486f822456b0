import type { Options } from "tsup";

// The build settings every package shares; each package's tsup.config.ts names its entries and
// says only where it differs (and why).

const common = { clean: true, sourcemap: true } satisfies Options;

/** A browser-safe library (no Node built-ins): ESM and CJS, with declarations, for any runtime. */
export const neutralLibrary = { ...common, format: ["esm", "cjs"], dts: true, target: "es2022", platform: "neutral" } satisfies Options;

/** A package that runs on Node (files, sockets, a binary): ESM for Node 20. */
export const nodePackage = { ...common, format: ["esm"], target: "node20", platform: "node" } satisfies Options;

/**
 * Declarations checked against the workspace packages' builds, not their sources: tsconfig's
 * `paths` (which point the tests at the sources) are cleared for the declaration build.
 */
export const againstBuilds = { compilerOptions: { paths: {} } } as const;
