import type { Command } from "commander";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { type StepMetaOptions, stepMetaOptions, stepSource } from "../stepSource.js";
import { type WriterOptions, appendFrom, appendedText, wholeNumber, writerOptions } from "./apply.js";

type RatifyOptions = WriterOptions & StepMetaOptions & { readonly through?: string };

/**
 * `rapk ratify <log>`: the head signs versions afterwards (mengesahkan). A roster version whose
 * signers approve every version up to `--through` (the log's last by default), naming its head:
 * what a year written before the roster, or before anyone signed, needs for `rapk verify --trust`
 * to pass. It approves; it mends nothing (a signature that does not hold stays a fault).
 */
export function registerRatify(program: Command, { io }: Context): void {
  stepMetaOptions(
    writerOptions(
      program
        .command("ratify")
        .summary("sign versions afterwards: the head approves every version up to one (written before the roster, or unsigned)")
        .description(
          "Appends a roster version, signed with --sign, that ratifies every version up to --through (default: the last) and names its head. rapk verify then takes its signers as the approval those versions lacked: a version not signed, not signed by a trusted key, or not by every role the policy asks of its kind. A ratification approves; it does not mend: a signature that does not hold, an unknown signer or a changed line is still a fault.",
        )
        .argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)")
        .option("--through <n>", "the last version it ratifies (default: the log's last version)"),
    ),
    "why, recorded in the version",
  )
    .addHelpText("after", "\nExit: 0 recorded, 1 bad input, 2 refused (by the roster's rules or the policy), 3 conflict.\n\nExample:\n  rapk ratify plan.ndjson --through 9 --sign kepala.key --reason 'Pengesahan RAPK 2024 dan laporan Januari-Juni'")
    .action(async (file: string, options: RatifyOptions) => {
      let through = 0;
      const source = stepSource("ratify", options, (log) => {
        const last = log.versions.length;
        through = options.through === undefined ? last : wholeNumber(options.through, "--through");
        if (through < 1 || through > last) throw new CliError(`--through ${through}: the log has versions 1 to ${last}`);
        const { head } = log.versions[through - 1] as (typeof log.versions)[number];
        return { kind: "roster", reason: `ratifies ${through === 1 ? "version 1" : `versions 1-${through}`}`, commands: [{ type: "ratifyVersions", data: { through, head } }] };
      });
      await appendFrom(io, file, source, options, (appended) => `ratified ${through === 1 ? "version 1" : `versions 1-${through}`} of ${file}: ${appendedText(appended)}`);
    });
}
