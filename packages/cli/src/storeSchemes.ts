import type { StoreTimeouts } from "@rapk/store-postgres";
import { CliError } from "./cliError.js";
import type { Io } from "./io.js";
import { registerStoreScheme } from "./logTarget.js";
import { openPostgres } from "./postgresUrl.js";

/**
 * Registers the store URL schemes this rapk opens beside files, once per run, before a command
 * reads its `<log>`: each store adapter adds its schemes here with registerStoreScheme
 * (logTarget.ts): `postgres:` and `postgresql:` for @rapk/store-postgres, loaded only when used,
 * with the run's `--lock-timeout` and `--statement-timeout`.
 */
export function registerStoreSchemes(io: Io, timeouts: () => StoreTimeouts): void {
  for (const scheme of ["postgres", "postgresql"])
    registerStoreScheme(scheme, async (url) => {
      const { store, plan, shown } = await openPostgres(url, timeouts(), io);
      if (plan === undefined) {
        await store.close();
        throw new CliError("names no plan: add the plan's id after # (postgres://user@host:5432/db#loka-pom-rejang-lebong-2024); `rapk plans` lists them", { file: shown });
      }
      return { store, plan, label: shown };
    });
}
