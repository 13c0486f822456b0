import type { Version } from "@rapk/history";
import type { Command } from "commander";
import { stateAsOf } from "../asOf.js";
import type { Context } from "../context.js";
import { renderDocument } from "../format/document.js";
import { importRecordLines, importsUpTo, planJson } from "../format/findings.js";
import { jsonText } from "../json.js";
import { loadLog } from "../logFile.js";
import { plainFilePath } from "../logTarget.js";
import { planAtHead } from "../snapshot.js";
import { type ReadVerification, UNVERIFIED_OPTION, markedJson, markedText } from "../verifiedRead.js";

export function registerShow(program: Command, { io, language }: Context): void {
  program
    .command("show")
    .summary("print the plan as the document reads, at the head or --as-of a version or date")
    .description(
      "Prints the plan as the published document reads it: objectives, indicators with their targets B01..B12 and budget (ANGGARAN), each indicator's budget rows (RO, komponen, sub komponen, pagu, kontribusi), every budget line, the Total and the signature. Amounts in Rupiah the Indonesian way (Rp70.412.160); blank targets stay blank. Then, for an imported plan, the file it was imported from and what the importer found, as version 1 of the log records them.",
    )
    .argument("<log>", "the event log (NDJSON)")
    .option("--as-of <version|date>", "a version number, or a date or date-time: the plan in force then, by when versions took effect (default: the latest version)")
    .option("--known-at <date>", "a date or date-time: the plan as the log knew it then, by when versions were recorded")
    .option("--json", "print the state as JSON, with the import's findings (see docs/json.md)")
    .option(...UNVERIFIED_OPTION)
    .addHelpText("after", "\nExamples:\n  rapk show plan.ndjson\n  rapk show plan.ndjson --as-of 1 --json\n  rapk show plan.ndjson --as-of 2024-03-31")
    .action(async (file: string, options: { asOf?: string; knownAt?: string; json?: boolean; unverified?: boolean }) => {
      // The plan at the head of a log file comes from the snapshot beside it when that still
      // matches, else from one folding read of the log (planAtHead); `--as-of` opens its history.
      const atHead = options.asOf === undefined && options.knownAt === undefined;
      const path = atHead ? plainFilePath(io, file) : undefined;
      // planAtHead writes the snapshot itself; what it leaves to the usual way (a store, a log that
      // does not read or fold, an empty one) is nothing a snapshot could be made of.
      const head = path === undefined ? undefined : await planAtHead(io, file, path);
      let state;
      let version;
      let imports: readonly Version[];
      // The snapshot and the folding read are of a log that verified.
      let verification: ReadVerification = { ok: true };
      if (head) ({ state, version, imports } = head);
      else {
        const log = await loadLog(io, file, { unverified: options.unverified === true });
        verification = log.verification;
        ({ state, version } = stateAsOf(log, options.asOf, "--as-of", options.knownAt));
        imports = importsUpTo(log.history.versions, version);
      }
      // What the importer found is part of the log (version 1 of an import): shown wherever the log is opened.
      if (options.json) io.stdout.write(jsonText(markedJson(verification, planJson(state, version, imports))));
      else {
        const record = imports.flatMap((v) => importRecordLines(v, language()));
        const lines = record.length > 0 ? [...renderDocument(state, version), "", ...record] : renderDocument(state, version);
        // One write: a big plan's document is tens of thousands of lines, and a write each cost more than rendering them.
        io.stdout.write(markedText(verification, `${lines.join("\n")}\n`));
      }
    });
}
