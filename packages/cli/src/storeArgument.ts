import { promises as fs } from "node:fs";
import { type EventStore, type PlanCatalog, catalogOf } from "@rapk/store";
import { NdjsonFileStore } from "@rapk/store/file";
import { CliError } from "./cliError.js";
import { fsFailure } from "./files.js";
import type { Io } from "./io.js";
import { plainFilePath } from "./logTarget.js";
import { isPostgresArgument, openPostgres } from "./postgresUrl.js";
import type { StoreTimeouts } from "@rapk/store-postgres";

/** A store named on the command line, with what it answers across its plans. */
export interface OpenedStore {
  readonly store: EventStore;
  readonly catalog: PlanCatalog;
  /** The argument as messages may show it (a postgres URL's password hidden). */
  readonly shown: string;
}

/**
 * Opens the store a `<store>` argument names: a `postgres://` URL (whose read model answers
 * rollups by SQL), or a folder of `<plan>.ndjson` logs, or a single log file (a `file:` URL or a
 * plain path), whose plans are replayed to answer. `timeouts` are the run's `--lock-timeout` and
 * `--statement-timeout`, for a PostgreSQL store.
 */
export async function openStoreArgument(io: Io, arg: string, timeouts: StoreTimeouts = {}): Promise<OpenedStore> {
  if (isPostgresArgument(arg)) {
    const { store, shown } = await openPostgres(arg, timeouts, io);
    return { store, catalog: catalogOf(store), shown };
  }
  const path = plainFilePath(io, arg);
  if (path === undefined)
    throw new CliError("expected a folder of .ndjson logs, a log file, or a store URL such as postgres://user@host:5432/database", { file: arg, code: "FILE_UNREADABLE" });
  const stat = await fs.stat(path).catch((error: unknown) => {
    throw fsFailure(error, arg, "read");
  });
  const store = stat.isDirectory() ? NdjsonFileStore.folder(path) : NdjsonFileStore.file(path);
  return { store, catalog: catalogOf(store), shown: arg };
}
