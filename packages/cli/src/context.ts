import type { Language } from "@rapk/core";
import type { StoreTimeouts } from "@rapk/store-postgres";
import type { Io } from "./io.js";

/** What every command's action gets besides its own arguments. */
export interface Context {
  readonly io: Io;
  /** The language of messages for people (`--lang`, else the locale); read once the arguments are parsed. */
  readonly language: () => Language;
  /** A PostgreSQL store's lock and statement timeouts (`--lock-timeout`, `--statement-timeout`); read once the arguments are parsed. */
  readonly storeTimeouts: () => StoreTimeouts;
}
