import type { PostgresEventStore, StoreTimeouts, StoreUrl } from "@rapk/store-postgres";
import { CliError, exitOf } from "./cliError.js";
import type { Io } from "./io.js";

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
 * loaded only here, so a run on files never loads it. The URL is parsed once (StoreUrl), and only
 * its redacted form goes into messages. An unreachable server or a refused login is one line
 * naming the server (never the password). `timeouts` (`--lock-timeout`, `--statement-timeout`)
 * win over the URL's `?lock_timeout=` and `?statement_timeout=`.
 */
export async function openPostgres(url: string, timeouts: StoreTimeouts = {}, io?: Io): Promise<OpenedPostgres> {
  const { PostgresEventStore, StoreUrl } = await import("@rapk/store-postgres");
  let parsed: StoreUrl;
  try {
    parsed = StoreUrl.parse(url).withTimeouts(timeouts);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), { file: "postgres URL", code: "STORE_UNAVAILABLE" });
  }
  const shown = parsed.shown;
  try {
    // A version found committed after the connection was lost is a success, said as such.
    const onCommitConfirmed = ({ plan, version }: { plan: string; version: number }) =>
      io?.stderr.write(`rapk: ${shown}: note: the connection was lost after COMMIT was sent; checked after reconnecting: version ${version} of plan ${plan} is committed\n`);
    const store = await PostgresEventStore.open(parsed, { onCommitConfirmed });
    return parsed.plan === undefined ? { store, shown } : { store, plan: parsed.plan, shown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string }).code === "STORE_PERMISSION_DENIED" ? "STORE_PERMISSION_DENIED" : "STORE_UNAVAILABLE";
    throw new CliError(message.startsWith("cannot connect") ? message : `cannot open the store: ${message}`, { file: shown, code }, exitOf(code));
  }
}
