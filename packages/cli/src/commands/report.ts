import type { Command } from "commander";
import { achievement, budgetSummary, formatRupiah, monthCode, monthName } from "@rapk/core";
import { stateAsOf } from "../asOf.js";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { formatPercent, formatValue } from "../format/numbers.js";
import { renderTable } from "../format/table.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { loadLog } from "../logFile.js";

export function registerReport(program: Command, { io }: Context): void {
  program
    .command("report")
    .summary("achievement per indicator for a month, and budget absorption through it")
    .description(
      "For one month: each indicator's target, realisation, achievement (capaian, %) and BPOM rating band (Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang, Tidak Dapat Disimpulkan); and each budget line's pagu, spending through that month and absorption (penyerapan).",
    )
    .argument("<log>", "the event log (NDJSON)")
    .requiredOption("--month <1-12>", "the month reported on (1 = January)")
    .option("--as-of <version|date>", "a version number, or an ISO date or date-time (default: the latest version)")
    .option("--json", "print the report as JSON")
    .addHelpText("after", "\nExample:\n  rapk report plan.ndjson --month 3")
    .action(async (file: string, options: { month: string; asOf?: string; json?: boolean }) => {
      const month = Number(options.month);
      if (!/^\d{1,2}$/.test(options.month.trim()) || month < 1 || month > 12) throw new CliError(`--month ${options.month}: expected a month number 1-12`);
      const log = await loadLog(io, file);
      const { state, version } = stateAsOf(log, options.asOf);
      const indicators = achievement(state).map((a) => {
        const m = a.months[month - 1]!;
        return { id: a.indicator, name: a.name, target: m.target, realisation: m.realisation, achievement: m.achievement, band: m.band ? { id: m.band.id, label: m.band.label.id } : null };
      });
      const budget = budgetSummary(state, month);
      const lines = budget.lines.map((l) => ({ id: l.id, pagu: l.pagu, spent: l.spent, absorption: l.absorption }));
      const absorption = budget.pagu === 0 ? null : budget.spent / budget.pagu;
      if (options.json) {
        io.stdout.write(jsonText({ month, version, indicators, budget: { lines, pagu: budget.pagu, spent: budget.spent, absorption } }));
        return;
      }
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
    });
}
