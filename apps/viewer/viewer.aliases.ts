import { workspaceAliases } from "../../vitest.aliases.js";

/**
 * The workspace packages resolved from their sources (so the viewer builds without building
 * them first). Exact-match patterns: a plain string alias would also rewrite subpaths such as
 * `@rapk/examples/<file>.ndjson`, which must go through the package's `exports`.
 */
export const viewerAliases = Object.entries(workspaceAliases).map(([name, path]) => ({
  find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
  replacement: path,
}));
