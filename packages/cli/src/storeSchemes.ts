import { CliError } from "./cliError.js";
import type { Io } from "./io.js";
import { registerStoreScheme } from "./logTarget.js";
import { openPostgres } from "./postgresUrl.js";

/**
 * Registers the store URL schemes this rapk opens beside files, once per run, before a command
 * reads its `<log>`: each store adapter adds its schemes here with registerStoreScheme
 * (logTarget.ts). `postgres:` and `postgresql:` open @rapk/store-postgres (loaded only then).
 */
export function registerStoreSchemes(_io: Io): void {
  for (const scheme of ["postgres", "postgresql"])
    registerStoreScheme(scheme, async (url) => {
      const opened = await openPostgres(url);
      if (opened.plan === undefined) {
        await opened.store.close();
        throw new CliError("names no plan: add it after #, as in postgres://user@host:5432/rapk#loka-pom-rejang-lebong-2024", { file: opened.shown });
      }
      return { store: opened.store, plan: opened.plan };
    });
}
