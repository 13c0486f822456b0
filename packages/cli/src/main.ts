import type { Language } from "@rapk/core";
import { Command, type CommanderError } from "commander";
import { CliError, EXIT, errorLine, exitOf, isCliError, oneLine } from "./cliError.js";
import { isRapkError } from "@rapk/core";
import { systemFailure } from "./files.js";
import { registerApply } from "./commands/apply.js";
import { registerDiff } from "./commands/diff.js";
import { registerExport } from "./commands/export.js";
import { registerImport } from "./commands/import.js";
import { registerLog } from "./commands/log.js";
import { registerEvidence } from "./commands/evidence.js";
import { registerMember } from "./commands/member.js";
import { registerPending } from "./commands/pending.js";
import { registerPlans } from "./commands/plans.js";
import { registerProposals } from "./commands/propose.js";
import { registerRatify } from "./commands/ratify.js";
import { registerPrint } from "./commands/print.js";
import { registerReport } from "./commands/report.js";
import { registerTemplate } from "./commands/template.js";
import { registerRollup } from "./commands/rollup.js";
import { registerShow } from "./commands/show.js";
import { registerVerify } from "./commands/verify.js";
import { registerKeygen } from "./commands/keygen.js";
import { registerRepair } from "./commands/repair.js";
import { registerServe } from "./commands/serve.js";
import { registerStoreSchemes } from "./storeSchemes.js";
import type { Io } from "./io.js";
import type { StoreTimeouts } from "@rapk/store-postgres";
import { guardedIo, secretsOf } from "./guardedOutput.js";
import { nodeSha256Hex } from "./nodeSha256.js";
import { useSha256 } from "@rapk/history";
import { languageOf } from "./language.js";
import { VERSION } from "./version.js";

/** The `rapk` program with its commands, writing through `io`; a new one per run, since commander keeps state. */
export function buildProgram(io: Io): Command {
  const program = new Command("rapk")
    .description("rapk: the event-sourced RAPK (Rencana Aksi Perjanjian Kinerja) plan log. Import a published plan, show it, apply revisions, verify the log, compare versions, report achievement.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Errors are printed by `main` as one line; commander's own rendering is not used.
      outputError: () => undefined,
    })
    .option("--lang <id|en>", "the language of messages for people: id (Bahasa Indonesia) or en (default: en, or id when LC_ALL or LANG starts with id)")
    .option("--lock-timeout <ms>", "a PostgreSQL store: how long a statement waits for another transaction's lock before the command is refused as a conflict (exit 3); 0 waits for ever (default: the URL's ?lock_timeout=, else 5000)")
    .option("--statement-timeout <ms>", "a PostgreSQL store: how long one statement may run before the command stops (exit 4); 0 for no limit (default: the URL's ?statement_timeout=, else 60000)")
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      "\nExit codes: 0 ok, 1 bad input or verify failed, 2 refused by the plan's rules, 3 conflict, 4 store unreachable or connection lost, 5 refused by the system (permission, read-only, disk full).\nSee `rapk <command> --help`, docs/cli.md and docs/reliability.md.",
    );
  const storeTimeouts = () => storeTimeoutsOf(program.opts<TimeoutOptions>());
  registerStoreSchemes(io, storeTimeouts);
  const context = { io, language: () => languageOf(program.opts<{ lang?: string }>().lang, io.env), storeTimeouts };
  registerImport(program, context);
  registerShow(program, context);
  registerExport(program, context);
  registerTemplate(program, context);
  registerApply(program, context);
  registerMember(program, context);
  registerProposals(program, context);
  registerRatify(program, context);
  registerPending(program, context);
  registerEvidence(program, context);
  registerLog(program, context);
  registerDiff(program, context);
  registerVerify(program, context);
  registerRepair(program, context);
  registerKeygen(program, context);
  registerReport(program, context);
  registerPrint(program, context);
  registerPlans(program, context);
  registerRollup(program, context);
  registerServe(program, context);
  return program;
}

interface TimeoutOptions {
  readonly lockTimeout?: string;
  readonly statementTimeout?: string;
}

/** `--lock-timeout` and `--statement-timeout` as milliseconds; a value that is not a whole number of them is a usage error. */
function storeTimeoutsOf(options: TimeoutOptions): StoreTimeouts {
  const ms = (value: string | undefined, flag: string): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d{1,9}$/.test(value)) throw new CliError(`${flag} ${value.slice(0, 20)}: expected a whole number of milliseconds (0 for no limit)`);
    return Number(value);
  };
  const lockTimeoutMs = ms(options.lockTimeout, "--lock-timeout");
  const statementTimeoutMs = ms(options.statementTimeout, "--statement-timeout");
  return { ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }), ...(statementTimeoutMs === undefined ? {} : { statementTimeoutMs }) };
}

/** The language asked for, or English when `--lang` itself is what went wrong. */
function languageOr(program: Command, io: Io): Language {
  try {
    return languageOf(program.opts<{ lang?: string }>().lang, io.env);
  } catch {
    return "en";
  }
}

/** Whether commander stopped the run (a usage mistake, or --help / --version): known by its code, `commander.*`. */
function isCommanderError(error: unknown): error is CommanderError {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("commander.") && typeof (error as { exitCode?: unknown }).exitCode === "number";
}

/**
 * Runs `rapk` with these arguments (without `node` and the script) and returns the exit code.
 * A user's mistake is one line on stderr, `rapk: <file>:<line>: <why>`; never a stack trace.
 */
export async function main(argv: readonly string[], unguarded: Io): Promise<number> {
  const io = guardedIo(unguarded, await secretsOf(argv, unguarded.env ?? process.env));
  // Every hash of the log through node:crypto: verify and append on a long log hash every line.
  useSha256(nodeSha256Hex);
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.stderr.write("rapk: missing command: import, show, export, apply, log, diff, verify, repair, keygen, report, print, plans, rollup or serve (see rapk --help)\n");
    return EXIT.input;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (isCliError(error)) {
      io.stderr.write(`${errorLine(error, languageOr(program, io))}\n`);
      return error.exitCode;
    }
    if (isCommanderError(error)) {
      // --help and --version end through here too, with exit code 0 and their text already written.
      if (error.exitCode === 0) return EXIT.ok;
      const command = program.commands.find((c) => c.name() === argv[0]);
      const help = command ? `rapk ${command.name()} --help` : "rapk --help";
      io.stderr.write(`rapk: ${oneLine(error.message.replace(/^error:\s*/, ""))} (see ${help})\n`);
      return EXIT.input;
    }
    // A rapk error that no command put in its own words (a store's, the history's) is still one of rapk's.
    if (isRapkError(error)) {
      io.stderr.write(`${errorLine(new CliError(`${error.code}: ${error.message}`, { code: error.code }, exitOf(error.code)), languageOr(program, io))}\n`);
      return exitOf(error.code);
    }
    const system = systemFailure(error);
    if (system) {
      io.stderr.write(`${errorLine(system, languageOr(program, io))}\n`);
      return system.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`rapk: internal error: ${oneLine(message)} (please report it; RAPK_DEBUG=1 shows where)\n`);
    if (process.env.RAPK_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.input;
  }
}
