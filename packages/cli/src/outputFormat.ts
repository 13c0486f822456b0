import { extname } from "node:path";
import { CliError } from "./cliError.js";

/**
 * The format of a written file: `--format` when given, else the extension of `--out`, else the
 * fallback (for standard output). A format the command cannot write is an error naming both.
 */
export function outputFormat<F extends string>(options: { format?: string; out?: string }, allowed: readonly F[], fallback: F): F {
  const given = options.format?.toLowerCase();
  if (given !== undefined) {
    if (!(allowed as readonly string[]).includes(given)) throw new CliError(`--format ${options.format}: expected ${allowed.join(", ")}`);
    return given as F;
  }
  if (options.out === undefined) return fallback;
  const extension = extname(options.out).slice(1).toLowerCase();
  const byExtension = extension === "htm" ? "html" : extension === "txt" ? "text" : extension;
  if ((allowed as readonly string[]).includes(byExtension)) return byExtension as F;
  throw new CliError(`cannot tell the format from the extension (expected ${allowed.map((f) => `.${f === "text" ? "txt" : f}`).join(", ")}); say it with --format`, { file: options.out });
}
