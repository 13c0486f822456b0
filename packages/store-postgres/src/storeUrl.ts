import { StoreError } from "@rapk/store";

/** How long a statement may wait for another transaction's lock, by default (ms): as long as a file log's --lock-wait. */
export const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
/** How long one statement may run, by default (ms). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;

/** How long a PostgreSQL statement may wait for a lock, and run, in milliseconds (undefined: as the URL says, else the default). */
export interface StoreTimeouts {
  readonly lockTimeoutMs?: number;
  readonly statementTimeoutMs?: number;
}

const SHOWN = Symbol("shown");
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Whether a `<log>` argument names a PostgreSQL store. */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A lone `%` (`#%` in a plan id) is the text itself; whatever reads it next judges it.
    return text;
  }
}

function wholeMs(value: string, name: string, shown: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new StoreError("STORE_UNAVAILABLE", `${shown}: ${name}=${value.slice(0, 20)} is not a whole number of milliseconds`);
  return Number(value);
}

/**
 * A `postgres://` (or `postgresql://`) store URL, parsed once: the server, the plan after `#`,
 * and the lock and statement timeouts (`?lock_timeout=` and `?statement_timeout=` in ms). Printing
 * it in any way (a template string, JSON, util.inspect, a message) gives {@link shown}, the URL
 * with its password as `***`, whatever the form the password came in: `user:pw@`, an unencoded
 * `@` inside it, or `?password=`. The password itself leaves only through {@link connectionString},
 * for the pg client.
 */
export class StoreUrl {
  /** The plan id after `#`, when one is given. */
  readonly plan: string | undefined;
  /** How long a statement waits for a lock (ms); past it the append is refused as LOCKED. */
  readonly lockTimeoutMs: number;
  /** How long one statement may run (ms). */
  readonly statementTimeoutMs: number;
  /** Every text of the password as it may appear in output (as given and as decoded), for an output filter that keeps it out. */
  readonly secrets: readonly string[];
  private readonly [SHOWN]: string;
  readonly #connection: string;

  private constructor(connection: string, shown: string, plan: string | undefined, lockTimeoutMs: number, statementTimeoutMs: number, secrets: string[]) {
    this.#connection = connection;
    this[SHOWN] = shown;
    this.plan = plan;
    this.lockTimeoutMs = lockTimeoutMs;
    this.statementTimeoutMs = statementTimeoutMs;
    this.secrets = secrets.filter((s, i) => s !== "" && secrets.indexOf(s) === i);
  }

  /** Parses a store URL; a URL that does not name a PostgreSQL server is a STORE_UNAVAILABLE error that shows no password. */
  static parse(text: string): StoreUrl {
    const scheme = /^(postgres(?:ql)?):\/\//i.exec(text);
    if (!scheme) throw new StoreError("STORE_UNAVAILABLE", "is not a postgres:// URL");
    const rest = text.slice(scheme[0].length);
    // The user and password end at the last @ before the query or the plan: a password may hold an unencoded @.
    const stop = rest.search(/[?#]/);
    const at = rest.lastIndexOf("@", stop < 0 ? rest.length : stop - 1);
    const userInfo = at < 0 ? "" : rest.slice(0, at);
    const afterUser = at < 0 ? rest : rest.slice(at + 1);
    const colon = userInfo.indexOf(":");
    const user = colon < 0 ? userInfo : userInfo.slice(0, colon);
    const rawPassword = colon < 0 ? undefined : userInfo.slice(colon + 1);

    const hash = afterUser.indexOf("#");
    const beforeHash = hash < 0 ? afterUser : afterUser.slice(0, hash);
    const planText = hash < 0 ? undefined : decoded(afterUser.slice(hash + 1));
    const question = beforeHash.indexOf("?");
    const hostAndDatabase = question < 0 ? beforeHash : beforeHash.slice(0, question);
    const params = new URLSearchParams(question < 0 ? "" : beforeHash.slice(question + 1));

    const secrets: string[] = [];
    if (rawPassword !== undefined) secrets.push(rawPassword, decoded(rawPassword));
    for (const value of params.getAll("password")) secrets.push(value, encodeURIComponent(value));
    const shownParams = new URLSearchParams(params);
    if (shownParams.has("password")) shownParams.set("password", "***");
    const shownQuery = shownParams.toString() === "" ? "" : `?${shownParams.toString()}`;
    const shown = `${scheme[1]}://${user === "" && rawPassword === undefined ? "" : `${user}${rawPassword === undefined ? "" : ":***"}@`}${hostAndDatabase}${shownQuery}${hash < 0 ? "" : `#${afterUser.slice(hash + 1)}`}`;

    const lockTimeoutMs = params.has("lock_timeout") ? wholeMs(params.get("lock_timeout") as string, "lock_timeout", shown) : DEFAULT_LOCK_TIMEOUT_MS;
    const statementTimeoutMs = params.has("statement_timeout") ? wholeMs(params.get("statement_timeout") as string, "statement_timeout", shown) : DEFAULT_STATEMENT_TIMEOUT_MS;
    params.delete("lock_timeout");
    params.delete("statement_timeout");
    // Rebuilt with the user and password encoded, so the pg client reads them as they were meant.
    const auth = at < 0 ? "" : `${encodeURIComponent(decoded(user))}${rawPassword === undefined ? "" : `:${encodeURIComponent(decoded(rawPassword))}`}@`;
    const query = params.toString() === "" ? "" : `?${params.toString()}`;
    const connection = `postgres://${auth}${hostAndDatabase}${query}`;
    return new StoreUrl(connection, shown, planText === "" ? undefined : planText, lockTimeoutMs, statementTimeoutMs, secrets);
  }

  /**
   * The same URL with other timeouts (the command line's `--lock-timeout` and
   * `--statement-timeout`, which win over the URL's parameters); a timeout not given stays as it is.
   */
  withTimeouts(timeouts: StoreTimeouts): StoreUrl {
    return new StoreUrl(this.#connection, this[SHOWN], this.plan, timeouts.lockTimeoutMs ?? this.lockTimeoutMs, timeouts.statementTimeoutMs ?? this.statementTimeoutMs, [...this.secrets]);
  }

  /** The URL as the pg client takes it, password included: never for a message. */
  connectionString(): string {
    return this.#connection;
  }

  /** The URL with its password as `***`. */
  get shown(): string {
    return this[SHOWN];
  }

  toString(): string {
    return this[SHOWN];
  }

  toJSON(): string {
    return this[SHOWN];
  }

  [INSPECT](): string {
    return this[SHOWN];
  }
}

/** A `postgres://` (or `postgresql://`) store URL split into the server's connection string and the plan after `#`. */
export interface PostgresUrl {
  /** The URL without its fragment, as the pg client takes it (user, password, host, port, database, ?sslmode=...). */
  readonly connectionString: string;
  /** The plan id after `#`, when one is given. */
  readonly plan?: string;
}

/** Splits `postgres://rapk@127.0.0.1:54329/rapk#loka-pom-rejang-lebong-2024` (see {@link StoreUrl}, which the CLI uses). */
export function parsePostgresUrl(text: string): PostgresUrl {
  const url = StoreUrl.parse(text);
  return url.plan === undefined ? { connectionString: url.connectionString() } : { connectionString: url.connectionString(), plan: url.plan };
}

/** The URL for messages: the password replaced by `***`, in whatever form it was given. */
export function redactUrl(text: string): string {
  try {
    return StoreUrl.parse(text).shown;
  } catch {
    return text.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:).*@/i, "$1***@");
  }
}
