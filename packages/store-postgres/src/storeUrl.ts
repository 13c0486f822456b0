/** A `postgres://` (or `postgresql://`) store URL split into the server's connection string and the plan after `#`. */
export interface PostgresUrl {
  /** The URL without its fragment, as the pg client takes it (user, password, host, port, database, ?sslmode=...). */
  readonly connectionString: string;
  /** The plan id after `#`, when one is given. */
  readonly plan?: string;
}

/** Whether a `<log>` argument names a PostgreSQL store. */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

/** Splits `postgres://rapk@127.0.0.1:54329/rapk#loka-pom-rejang-lebong-2024`; the password never appears in messages built from it. */
export function parsePostgresUrl(text: string): PostgresUrl {
  const hash = text.indexOf("#");
  const connectionString = hash < 0 ? text : text.slice(0, hash);
  const plan = hash < 0 ? undefined : decodeURIComponent(text.slice(hash + 1));
  return plan === undefined || plan === "" ? { connectionString } : { connectionString, plan };
}

/** The URL for messages: the password replaced by `***`. */
export function redactUrl(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}
