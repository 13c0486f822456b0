import type { Command } from "commander";
import { achievement, budgetSummary, formatMeasure, formatPercentOfHundred, formatPercentOfRatio, formatRupiah, monthCode, monthName, totalGap } from "@rapk/core";
import { stateAsOf } from "../asOf.js";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { renderTable } from "../format/table.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { pathOf, writeUserFile } from "../files.js";
import { type LoadedLog, loadLog } from "../logFile.js";
import { outputFormat } from "../outputFormat.js";
import { provenanceOf } from "../provenance.js";
import { UNVERIFIED_OPTION, markedJson, markedText, markedWorkbook, unverifiedMark } from "../verifiedRead.js";

export function registerReport(program: Command, { io, language }: Context): void {
  program
    .command("report")
    .summary("achievement per indicator for a month or a quarter, and budget absorption through it")
    .description(
      "For one month (--month): each indicator's target, realisation, achievement (capaian, %) and BPOM rating band (Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang, Tidak Dapat Disimpulkan); and each budget line's pagu, spending through that month and absorption (penyerapan). For a quarter (--quarter, triwulan): the same figures at the quarter's last month, each indicator against the year's target, the quarter's own spending, and the quarter's notes with hambatan (obstacles) and rencana tindak lanjut (follow-up); as text, JSON, PDF or XLSX.",
    )
    .argument("<log>", "the event log (NDJSON)")
    .option("--month <1-12>", "the month reported on (1 = January)")
    .option("--quarter <1-4>", "the quarter reported on (1 = January-March)")
    .option("--year", "the year's report (LAKIP figures): per objective and indicator the year's target, realisation and achievement, and the year's absorption")
    .option("--as-of <version|date>", "a version number, or a date or date-time: the plan in force then, by when versions took effect (default: the latest version)")
    .option("--known-at <date>", "a date or date-time: the plan as the log knew it then, by when versions were recorded")
    .option("--json", "print the report as JSON")
    .option("--format <format>", "with --quarter or --year: text, pdf or xlsx (default: from --out's extension, else text)")
    .option("-o, --out <file>", "with --quarter or --year: write here (q2.pdf, q2.xlsx, q2.txt) instead of standard output")
    .option(...UNVERIFIED_OPTION)
    .addHelpText("after", "\nThe headings are in the language of --lang (id: the centre's form, wholly Indonesian).\n\nExamples:\n  rapk report plan.ndjson --month 3\n  rapk --lang id report plan.ndjson --quarter 2 --out tw2.pdf\n  rapk report plan.ndjson --quarter 2 --format xlsx --out tw2.xlsx\n  rapk --lang id report plan.ndjson --year --out lakip-2024.pdf")
    .action(async (file: string, options: { month?: string; quarter?: string; year?: boolean; asOf?: string; knownAt?: string; json?: boolean; format?: string; out?: string; unverified?: boolean }) => {
      if ([options.month, options.quarter, options.year].filter((o) => o !== undefined).length !== 1) throw new CliError("say which period: --month <1-12>, --quarter <1-4> or --year (one of them)");
      if (options.quarter !== undefined) return quarter(file, options.quarter, options);
      if (options.year) return year(file, options);
      if (options.format !== undefined || options.out !== undefined) throw new CliError("--format and --out go with --quarter or --year; a month's report prints as text or --json");
      const month = Number(options.month);
      if (!/^\d{1,2}$/.test(options.month!.trim()) || month < 1 || month > 12) throw new CliError(`--month ${options.month}: expected a month number 1-12`);
      const log = await loadLog(io, file, { unverified: options.unverified === true });
      const { state, version } = stateAsOf(log, options.asOf, "--as-of", options.knownAt);
      const mark = unverifiedMark(log.verification);
      const indicators = achievement(state).map((a) => {
        const m = a.months[month - 1]!;
        return { id: a.indicator, name: a.name, target: m.target, realisation: m.realisation, achievement: m.achievement, band: m.band ? { id: m.band.id, label: m.band.label.id } : null };
      });
      const budget = budgetSummary(state, month);
      const lines = budget.lines.map((l) => ({ id: l.id, pagu: l.pagu, spent: l.spent, absorption: l.absorption }));
      const absorption = budget.pagu === 0 ? null : budget.spent / budget.pagu;
      if (options.json) {
        io.stdout.write(jsonText(markedJson(log.verification, { month, version, indicators, budget: { lines, pagu: budget.pagu, statedTotal: state.plan?.statedTotal ?? null, spent: budget.spent, absorption } })));
        return;
      }
      if (mark) println(io.stdout, mark);
      const id = language() === "id";
      println(io.stdout, id ? `Capaian kinerja ${monthName(month, "id")} (${monthCode(month)}), versi ${version}` : `Achievement (capaian) in ${monthName(month, "id")} (${monthCode(month)}), version ${version}`);
      const achievementColumns = [
        { header: id ? "KODE" : "INDICATOR" },
        { header: "TARGET", align: "right" as const },
        { header: "REALISASI", align: "right" as const },
        { header: "CAPAIAN", align: "right" as const },
        { header: id ? "KATEGORI" : "BAND" },
        { header: id ? "INDIKATOR" : "NAME" },
      ];
      const achievementRows = indicators.map((i) => [i.id, formatMeasure(i.target), formatMeasure(i.realisation), formatPercentOfHundred(i.achievement), i.band?.label ?? "", i.name]);
      for (const line of renderTable(achievementColumns, achievementRows, "  ")) println(io.stdout, line);
      println(io.stdout);
      println(io.stdout, id ? `Penyerapan anggaran s.d. ${monthName(month, "id")}` : `Budget absorption (penyerapan) through ${monthName(month, "id")}`);
      const budgetColumns = [{ header: id ? "KODE BARIS" : "LINE" }, { header: "PAGU", align: "right" as const }, { header: id ? "REALISASI" : "SPENT", align: "right" as const }, { header: "PENYERAPAN", align: "right" as const }];
      const budgetRows = [
        ...lines.map((l) => [l.id, formatRupiah(l.pagu), formatRupiah(l.spent), formatPercentOfRatio(l.absorption)]),
        [id ? "Jumlah baris anggaran" : "all lines", formatRupiah(budget.pagu), formatRupiah(budget.spent), formatPercentOfRatio(absorption)],
      ];
      for (const line of renderTable(budgetColumns, budgetRows, "  ")) println(io.stdout, line);
      // The lines' pagu beside the ceiling as it stands (after a Revisi DIPA, the revised one, not the Total first printed), with why they differ.
      const gap = totalGap(state.plan?.ceiling, budget.pagu);
      if (gap) println(io.stdout, `  ${gap[language()]}`);
      if (mark) println(io.stdout, mark);
    });

  type PeriodicOptions = { asOf?: string; knownAt?: string; json?: boolean; format?: string; out?: string; unverified?: boolean };

  /** The format asked for and the state reported on, as --quarter and --year share them. */
  async function periodic(file: string, options: PeriodicOptions) {
    const format = options.json ? "json" : outputFormat(options, ["text", "pdf", "xlsx"] as const, "text");
    if (options.json && options.format !== undefined) throw new CliError("--json and --format: say one of them");
    if ((format === "pdf" || format === "xlsx") && options.out === undefined) throw new CliError(`--format ${format} writes a file: say where with --out`);
    if (options.out !== undefined && pathOf(io, options.out) === pathOf(io, file)) throw new CliError("--out must not be the log itself", { file: options.out });
    const log: LoadedLog = await loadLog(io, file, { unverified: options.unverified === true });
    const { state, version } = stateAsOf(log, options.asOf, "--as-of", options.knownAt);
    const provenance = provenanceOf(log, version);
    return { format, state, version, provenance, verification: log.verification, write: async (output: string | Uint8Array) => (options.out === undefined ? void io.stdout.write(output as string) : writeUserFile(io, options.out, output, { overwrite: true })) };
  }

  const bandJson = (band: { id: string; label: { id: string } } | null) => (band ? { id: band.id, label: band.label.id } : null);

  async function quarter(file: string, given: string, options: PeriodicOptions): Promise<void> {
    if (!/^[1-4]$/.test(given.trim())) throw new CliError(`--quarter ${given}: expected a quarter number 1-4`);
    const quarter = Number(given);
    const { format, state, version, provenance, verification, write } = await periodic(file, options);
    const { quarterReport, quarterWorkbook } = await import("@rapk/report");
    const report = quarterReport(state, quarter, undefined, provenance);
    await write(
      format === "json"
        ? jsonText(markedJson(verification, { ...report, indicators: report.indicators.map((i) => ({ ...i, band: bandJson(i.band) })) }))
        : format === "text"
          ? markedText(verification, `${(await import("../print/quarterText.js")).renderQuarter(report, version, language()).join("\n")}\n`)
          : format === "pdf"
            ? await (await import("../print/quarterPdf.js")).quarterPdf(report, provenance, language())
            : await markedWorkbook(verification, await quarterWorkbook(report, language())),
    );
  }

  async function year(file: string, options: PeriodicOptions): Promise<void> {
    const { format, state, version, provenance, verification, write } = await periodic(file, options);
    const { yearReport, yearWorkbook } = await import("@rapk/report");
    const report = yearReport(state, undefined, provenance);
    await write(
      format === "json"
        ? jsonText(markedJson(verification, { ...report, objectives: report.objectives.map((o) => ({ ...o, indicators: o.indicators.map((i) => ({ ...i, band: bandJson(i.band) })) })) }))
        : format === "text"
          ? markedText(verification, `${(await import("../print/yearText.js")).renderYear(report, version, language()).join("\n")}\n`)
          : format === "pdf"
            ? await (await import("../print/yearPdf.js")).yearPdf(report, provenance, language())
            : await markedWorkbook(verification, await yearWorkbook(report, language())),
    );
  }
}
