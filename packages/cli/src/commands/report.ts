import type { Command } from "commander";
import { achievement, budgetSummary, formatRupiah, totalGap, monthCode, monthName } from "@rapk/core";
import { stateAsOf } from "../asOf.js";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { formatPercent, formatValue } from "../format/numbers.js";
import { renderTable } from "../format/table.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { pathOf, writeUserFile } from "../files.js";
import { type LoadedLog, loadLog } from "../logFile.js";
import { outputFormat } from "../outputFormat.js";
import { renderQuarter } from "../format/quarter.js";
import { provenanceOf } from "../provenance.js";
import { UNVERIFIED_OPTION, markedJson, markedText, markedWorkbook, unverifiedMark } from "../verifiedRead.js";

export function registerReport(program: Command, { io }: Context): void {
  program
    .command("report")
    .summary("achievement per indicator for a month or a quarter, and budget absorption through it")
    .description(
      "For one month (--month): each indicator's target, realisation, achievement (capaian, %) and BPOM rating band (Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang, Tidak Dapat Disimpulkan); and each budget line's pagu, spending through that month and absorption (penyerapan). For a quarter (--quarter, triwulan): the same figures at the quarter's last month, each indicator against the year's target, the quarter's own spending, and the quarter's notes with hambatan (obstacles) and rencana tindak lanjut (follow-up); as text, JSON, PDF or XLSX.",
    )
    .argument("<log>", "the event log (NDJSON)")
    .option("--month <1-12>", "the month reported on (1 = January)")
    .option("--quarter <1-4>", "the quarter reported on (1 = January-March)")
    .option("--as-of <version|date>", "a version number, or a date or date-time: the plan in force then, by when versions took effect (default: the latest version)")
    .option("--known-at <date>", "a date or date-time: the plan as the log knew it then, by when versions were recorded")
    .option("--json", "print the report as JSON")
    .option("--format <format>", "with --quarter: text, pdf or xlsx (default: from --out's extension, else text)")
    .option("-o, --out <file>", "with --quarter: write here (q2.pdf, q2.xlsx, q2.txt) instead of standard output")
    .option(...UNVERIFIED_OPTION)
    .addHelpText("after", "\nExamples:\n  rapk report plan.ndjson --month 3\n  rapk report plan.ndjson --quarter 2 --out tw2.pdf\n  rapk report plan.ndjson --quarter 2 --format xlsx --out tw2.xlsx")
    .action(async (file: string, options: { month?: string; quarter?: string; asOf?: string; knownAt?: string; json?: boolean; format?: string; out?: string; unverified?: boolean }) => {
      if ((options.month === undefined) === (options.quarter === undefined)) throw new CliError("say which period: --month <1-12> or --quarter <1-4> (one of them)");
      if (options.quarter !== undefined) return quarter(file, options.quarter, options);
      if (options.format !== undefined || options.out !== undefined) throw new CliError("--format and --out go with --quarter; a month's report prints as text or --json");
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
      println(io.stdout, `Achievement (capaian) in ${monthName(month, "id")} (${monthCode(month)}), version ${version}`);
      const achievementColumns = [
        { header: "INDICATOR" },
        { header: "TARGET", align: "right" as const },
        { header: "REALISASI", align: "right" as const },
        { header: "CAPAIAN", align: "right" as const },
        { header: "BAND" },
        { header: "NAME" },
      ];
      const achievementRows = indicators.map((i) => [i.id, formatValue(i.target), formatValue(i.realisation), formatPercent(i.achievement), i.band?.label ?? "", i.name]);
      for (const line of renderTable(achievementColumns, achievementRows, "  ")) println(io.stdout, line);
      println(io.stdout);
      println(io.stdout, `Budget absorption (penyerapan) through ${monthName(month, "id")}`);
      const budgetColumns = [{ header: "LINE" }, { header: "PAGU", align: "right" as const }, { header: "SPENT", align: "right" as const }, { header: "PENYERAPAN", align: "right" as const }];
      const budgetRows = [
        ...lines.map((l) => [l.id, formatRupiah(l.pagu), formatRupiah(l.spent), formatPercent(l.absorption === null ? null : l.absorption * 100)]),
        ["all lines", formatRupiah(budget.pagu), formatRupiah(budget.spent), formatPercent(absorption === null ? null : absorption * 100)],
      ];
      for (const line of renderTable(budgetColumns, budgetRows, "  ")) println(io.stdout, line);
      // The lines' pagu beside the Total the document states, with why they differ.
      const gap = totalGap(state.plan?.statedTotal, budget.pagu);
      if (gap) println(io.stdout, `  ${gap.en}`);
      if (mark) println(io.stdout, mark);
    });

  async function quarter(file: string, given: string, options: { asOf?: string; knownAt?: string; json?: boolean; format?: string; out?: string; unverified?: boolean }): Promise<void> {
    const quarter = Number(given);
    if (!/^[1-4]$/.test(given.trim())) throw new CliError(`--quarter ${given}: expected a quarter number 1-4`);
    const format = options.json ? "json" : outputFormat(options, ["text", "pdf", "xlsx"] as const, "text");
    if (options.json && options.format !== undefined) throw new CliError("--json and --format: say one of them");
    if ((format === "pdf" || format === "xlsx") && options.out === undefined) throw new CliError(`--format ${format} writes a file: say where with --out`);
    if (options.out !== undefined && pathOf(io, options.out) === pathOf(io, file)) throw new CliError("--out must not be the log itself", { file: options.out });
    const log: LoadedLog = await loadLog(io, file, { unverified: options.unverified === true });
    const { state, version } = stateAsOf(log, options.asOf, "--as-of", options.knownAt);
    const { quarterReport, quarterWorkbook } = await import("@rapk/report");
    const report = quarterReport(state, quarter);
    const output =
      format === "json"
        ? jsonText(markedJson(log.verification, { version, ...report, indicators: report.indicators.map((i) => ({ ...i, band: i.band ? { id: i.band.id, label: i.band.label.id } : null })) }))
        : format === "text"
          ? markedText(log.verification, `${renderQuarter(report, version).join("\n")}\n`)
          : format === "pdf"
            ? await (await import("../print/quarterPdf.js")).quarterPdf(report, provenanceOf(log, version))
            : await markedWorkbook(log.verification, await quarterWorkbook(report));
    if (options.out === undefined) io.stdout.write(output as string);
    else await writeUserFile(io, options.out, output, { overwrite: true });
  }
}
