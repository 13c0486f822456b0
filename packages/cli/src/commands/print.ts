import type { Command } from "commander";
import { stateAsOf } from "../asOf.js";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { pathOf, writeUserFile } from "../files.js";
import { loadLog } from "../logFile.js";
import { outputFormat } from "../outputFormat.js";
import { provenanceOf, revisionOf } from "../provenance.js";
import { UNVERIFIED_OPTION } from "../verifiedRead.js";

export function registerPrint(program: Command, { io }: Context): void {
  program
    .command("print")
    .summary("the plan as the published RAPK reads, to PDF or HTML")
    .description(
      "Lays the plan out as the published document (A4 landscape): title, NO / SASARAN KEGIATAN / INDIKATOR KINERJA KEGIATAN / TARGET B01..B12 / ANGGARAN, each indicator's budget rows (RO, KOMPONEN, SUB KOMPONEN, ANGGARAN, KONTRIBUSI), the Total, place and date, the signatory; stated and derived figures where they differ. The log is verified first (chain, signatures, rules) and refused if it fails, unless --unverified. Every page's footer carries the version, its effective date, the log's head hash as verifying recomputed it and who signed the version (NOT VERIFIED and no head for an unverified log). The format follows --out's extension (.pdf or .html) or --format.",
    )
    .argument("<log>", "the event log (NDJSON)")
    .requiredOption("-o, --out <file>", "the file to write: plan.pdf or plan.html (replaced atomically)")
    .option("--format <format>", "pdf or html (default: from --out's extension)")
    .option("--as-of <version|date>", "a version number, or an ISO date or date-time (default: the latest version)")
    .option(...UNVERIFIED_OPTION)
    .addHelpText("after", "\nExamples:\n  rapk print plan.ndjson --out plan.pdf\n  rapk print plan.ndjson --as-of 2024-03-31 --out plan-maret.html")
    .action(async (file: string, options: { out: string; format?: string; asOf?: string; unverified?: boolean }) => {
      const format = outputFormat(options, ["pdf", "html"] as const, "pdf");
      if (pathOf(io, options.out) === pathOf(io, file)) throw new CliError("--out must not be the log itself", { file: options.out });
      const log = await loadLog(io, file, { unverified: options.unverified === true });
      const { state, version } = stateAsOf(log, options.asOf);
      if (state.plan === null) throw new CliError(`there is no plan at version ${version} to print`, { file, code: "PLAN_NOT_DRAFTED" });
      // The printers (pdfkit behind the PDF) are loaded only by the command that prints.
      const { printHtmlDocument, printLayout } = await import("@rapk/report");
      const layout = printLayout(state, provenanceOf(log, version), await revisionOf(log, version));
      const bytes = format === "pdf" ? await (await import("../print/printPdf.js")).printPdf(layout) : printHtmlDocument(layout);
      await writeUserFile(io, options.out, bytes, { overwrite: true });
    });
}
