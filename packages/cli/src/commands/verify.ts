import type { Command } from "commander";
import { verifyLog } from "@rapk/history";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { readText } from "../files.js";
import { println } from "../io.js";

export function registerVerify(program: Command, { io }: Context): void {
  program
    .command("verify")
    .summary("check a log: every line, the hash chain, the plan's rules after every version")
    .description(
      "Checks an event log: every line parses and is a valid event in order, each event's hash covers it and the one before (so an edited, removed or reordered line is caught), and the plan's invariants hold after every version. Names the first failing line and why.",
    )
    .argument("<log>", "the event log (NDJSON)")
    .addHelpText("after", "\nExit: 0 the log verifies, 1 it does not (the first failing line is named).\n\nExample:\n  rapk verify plan.ndjson")
    .action(async (file: string) => {
      const result = verifyLog(await readText(io, file));
      if (!result.ok) throw new CliError(`${result.code}: ${result.message}`, { file, line: result.line });
      println(io.stdout, `ok: ${result.events} events, ${result.versions} versions, chain intact, invariants hold`);
    });
}
