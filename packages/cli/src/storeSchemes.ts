import type { Io } from "./io.js";

/**
 * Registers the store URL schemes this rapk opens beside files, once per run, before a command
 * reads its `<log>`: each store adapter adds its schemes here with registerStoreScheme
 * (logTarget.ts), e.g. `postgres:` and `postgresql:` for @rapk/store-postgres.
 */
export function registerStoreSchemes(_io: Io): void {
  // No store but files yet.
}
