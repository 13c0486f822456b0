/** What one run of `rapk` printed, and its exit code. */
export interface RapkRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

type Main = (argv: readonly string[], io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown }; cwd: string; env?: Record<string, string | undefined> }) => Promise<number>;
let main: Main | undefined;

/** A stack trace, a Node internal frame, an internal error or an unhandled event: what no output of rapk may hold. */
export const STACK = /\n\s+at |node:internal|\.js:\d+:\d+\)|internal error|Unhandled/;

/**
 * Runs the built `rapk` in this process (globalSetup builds the CLI), in `cwd`, with no
 * environment (no PGPASSWORD, no locale): faster than a child process, and the same `main` the
 * binary runs.
 */
export async function rapk(cwd: string, ...argv: string[]): Promise<RapkRun> {
  main ??= ((await import(new URL("../../../cli/dist/index.js", import.meta.url).href)) as { main: Main }).main;
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}
