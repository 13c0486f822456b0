import type { Command } from "commander";
import { NdjsonFileStore } from "@rapk/store/file";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { storeFailure } from "../logFile.js";
import { openTarget } from "../logTarget.js";

export function registerRepair(program: Command, { io }: Context): void {
  program
    .command("repair")
    .summary("cut a log file's uncommitted tail (what a crash in the middle of an append leaves)")
    .description(
      "Cuts a log file back to its last committed version when it ends with an uncommitted tail: event lines of a version whose commit record was never written, or a last line cut short. A copy of the whole file is kept first (<log>.bak-<time>), and what was removed is said. A fault anywhere before the tail is not repaired (run rapk verify). A log that ends with a committed version is left alone.",
    )
    .argument("<log>", "the event log file (NDJSON)")
    .option("--json", "print what was done as JSON")
    .addHelpText("after", "\nExit: 0 repaired or nothing to repair, 1 the log has a fault repair does not cut, or is not a file.\n\nExample:\n  rapk repair plan.ndjson")
    .action(async (file: string, options: { json?: boolean }) => {
      const target = await openTarget(io, file);
      await target.store.close();
      if (!target.path || !(target.store instanceof NdjsonFileStore))
        throw new CliError(`is a ${target.store.kind} store: it commits whole versions or nothing, so there is no tail to repair`, { file });
      let result;
      try {
        result = await target.store.repair(target.plan, io.now?.() ?? new Date());
      } catch (error) {
        throw storeFailure(file, error);
      }
      if (options.json) {
        io.stdout.write(jsonText(result));
        return;
      }
      if (result.unchanged) {
        println(io.stdout, `nothing to repair: ${file} ends with committed version ${result.head.version} (head ${result.head.head})`);
        return;
      }
      const what = [
        result.events ? `${result.events} event line(s) of version ${result.version} without a commit record` : undefined,
        result.torn ? "a last line cut short" : undefined,
      ].filter(Boolean);
      println(
        io.stdout,
        `repaired ${file}: removed lines ${result.firstLine}-${result.lastLine} (${what.join(" and ")}, ${result.bytes} bytes); it ends at version ${result.head.version}, head ${result.head.head}; the file as it was is kept in ${result.backup}`,
      );
    });
}
