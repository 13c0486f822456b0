/** Where a command writes; `process.stdout` fits, and so does a collector in a test. */
export interface Output {
  write(chunk: string): unknown;
}

/**
 * Everything a run of `rapk` touches outside its arguments, passed in so the whole command line
 * can run in-process (tests, embedding) exactly as the binary does.
 */
export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  /** Relative paths in the arguments are resolved against this folder. */
  readonly cwd: string;
  /** The clock for metadata defaults (`--at`); the real one when omitted. */
  readonly now?: () => Date;
  /** The environment, for the locale (LANG, LC_ALL) when `--lang` is not given; none (English) when omitted. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Writes one line (a newline is added). */
export function println(out: Output, line = ""): void {
  out.write(`${line}\n`);
}
