import type { Command } from "commander";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { evidenceCited } from "@rapk/history";
import { sha256Of } from "../evidence.js";
import { writeUserFile } from "../files.js";
import { println } from "../io.js";
import { loadFrom } from "../logFile.js";
import { openTarget } from "../logTarget.js";

export function registerEvidence(program: Command, { io }: Context): void {
  program
    .command("evidence")
    .summary("give back an evidence file a report cites, checked against its SHA-256")
    .description(
      "Writes the evidence file kept under <sha256> beside the log (a file store: the folder <log>.evidence/ next to the log file; PostgreSQL: the rapk_evidence table) to --out, after checking that the log verifies, that one of its reports cites that file, and that the bytes still hash to it. Without <sha256>, lists every file the log's reports cite.",
    )
    .argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)")
    .argument("[sha256]", "the file's SHA-256, as rapk log --json or this command's list shows it")
    .option("--out <file>", "where to write the file")
    .option("-f, --force", "replace --out if it exists")
    .addHelpText("after", "\nExit: 0 written (or listed), 1 bad input, the log does not verify, or no such file.\n\nExamples:\n  rapk evidence plan.ndjson\n  rapk evidence plan.ndjson 3f36…c88d --out kwitansi-januari.pdf")
    .action(async (file: string, sha256: string | undefined, options: { out?: string; force?: boolean }) => {
      const target = await openTarget(io, file);
      try {
        const log = await loadFrom(io, file, target);
        const cited = evidenceCited(log.events);
        if (sha256 === undefined) {
          if (cited.length === 0) println(io.stdout, "(no report of this log cites evidence)");
          for (const { ref, seq } of cited) println(io.stdout, `${ref.sha256}  ${ref.size} bytes  ${ref.mediaType}  ${ref.name}  (event ${seq})`);
          return;
        }
        if (options.out === undefined) throw new CliError("give --out <file>: where to write the evidence file");
        const ref = cited.find((c) => c.ref.sha256 === sha256)?.ref;
        if (!ref) throw new CliError(`EVIDENCE_NOT_FOUND: no report of this log cites a file with SHA-256 ${JSON.stringify(sha256.slice(0, 70))} (rapk evidence ${file} lists them)`, { file, code: "EVIDENCE_NOT_FOUND" });
        const bytes = await target.store.getEvidence(target.plan, ref.sha256);
        if (!bytes) throw new CliError(`EVIDENCE_MISSING: ${JSON.stringify(ref.name)} (SHA-256 ${ref.sha256}) is cited but not kept beside the log`, { file, code: "EVIDENCE_MISSING" });
        if (sha256Of(bytes) !== ref.sha256) throw new CliError(`EVIDENCE_CHANGED: the file kept as ${JSON.stringify(ref.name)} no longer hashes to ${ref.sha256}: it was changed after it was recorded; nothing was written`, { file, code: "EVIDENCE_CHANGED" });
        await writeUserFile(io, options.out, bytes, { overwrite: options.force === true });
        println(io.stdout, `wrote ${ref.name} (${ref.size} bytes, ${ref.mediaType}, SHA-256 ${ref.sha256}) to ${options.out}`);
      } finally {
        await target.store.close();
      }
    });
}
