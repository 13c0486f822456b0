import type { PostgresEventStore } from "@rapk/store-postgres";
import { CliError } from "./cliError.js";

/** Whether a `<log>` or `<store-url>` argument names a PostgreSQL store (`postgres://` or `postgresql://`). */
export function isPostgresArgument(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

export interface OpenedPostgres {
  readonly store: PostgresEventStore;
  /** The plan after `#`, when the URL names one. */
  readonly plan?: string;
  /** The URL as the user may see it again (password hidden). */
  readonly shown: string;
}

/**
 * Opens the PostgreSQL store a URL names, creating its tables when missing. The pg client is
 * loaded only here, so a run on files never loads it. An unreachable server or a refused login
 * is one line naming the server (never the password), exit 1.
 */
export async function openPostgres(url: string): Promise<OpenedPostgres> {
  const { PostgresEventStore, parsePostgresUrl, redactUrl } = await import("@rapk/store-postgres");
  const { connectionString, plan } = parsePostgresUrl(url);
  const shown = redactUrl(url);
  try {
    const store = await PostgresEventStore.open(connectionString);
    return plan === undefined ? { store, shown } : { store, plan, shown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(message.startsWith("cannot connect") ? message : `cannot open the store: ${message}`, { file: shown, code: "STORE_UNAVAILABLE" });
  }
}
