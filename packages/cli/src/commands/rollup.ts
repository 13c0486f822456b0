import type { Command } from "commander";
import { BPOM_BANDS, formatPercentOfRatio, formatRupiah, monthCode } from "@rapk/core";
import type { RollupRow, RollupTotals } from "@rapk/store";
import { CliError } from "../cliError.js";
import { writeUserFile } from "../files.js";
import { outputFormat } from "../outputFormat.js";
import type { Context } from "../context.js";
import { renderTable } from "../format/table.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { openStoreArgument } from "../storeArgument.js";
import { parseSelector } from "../selector.js";

/** A band's column header: the initials of its Indonesian label (Sangat Baik is SB). */
const bandHeader = (label: string) =>
  label
    .split(/\s+/)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");

export function registerRollup(program: Command, { io, storeTimeouts }: Context): void {
  program
    .command("rollup")
    .summary("every plan of a store in one table: budget, absorption and achievement bands, with totals")
    .description(
      "One row per plan (unit, year): ceiling (pagu total), pagu of the budget lines, allocated, spent, absorption (penyerapan), and how many indicators fall in each achievement band (Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang, Tidak Dapat Disimpulkan) in the latest month with a reported realisation; totals at the bottom. In PostgreSQL this is one SQL query over a read model kept up to date by every commit; a folder of logs is replayed plan by plan.",
    )
    .argument("<store>", "the store: postgres://rapk@127.0.0.1:5432/rapk, or a folder of <plan>.ndjson logs")
    .option("--year <year>", "only the plans of this fiscal year")
    .option("--as-of <date>", "each plan as it stood at this date (the end of that day where the plan is) or date-time")
    .option("--json", "print the rows and totals as JSON")
    .option("-o, --out <file>", "write the rows and totals as an XLSX workbook here (rollup.xlsx)")
    .addHelpText("after", "\nExamples:\n  rapk rollup postgres://rapk@127.0.0.1:5432/rapk --year 2024\n  rapk rollup postgres://rapk@127.0.0.1:5432/rapk --as-of 2024-06-30 --json\n  rapk rollup postgres://rapk@127.0.0.1:5432/rapk --year 2024 --out rekap.xlsx\n  rapk rollup plans/ --year 2024")
    .action(async (url: string, options: { year?: string; asOf?: string; json?: boolean; out?: string }) => {
      if (options.out !== undefined) outputFormat({ out: options.out }, ["xlsx"] as const, "xlsx");
      if (options.out !== undefined && options.json) throw new CliError("--json and --out: say one of them");
      const year = options.year === undefined ? undefined : Number(options.year);
      if (options.year !== undefined && (!/^\d{4}$/.test(options.year.trim()) || year === undefined)) throw new CliError(`--year ${options.year}: expected a year such as 2024`);
      if (options.asOf !== undefined && "version" in parseSelector(options.asOf, "--as-of"))
        throw new CliError(`--as-of ${options.asOf}: across plans a version number means nothing; give a date (2024-06-30) or date-time`);
      const { store, catalog } = await openStoreArgument(io, url, storeTimeouts());
      try {
        const { rows, totals } = await catalog.rollup({ ...(year === undefined ? {} : { year }), ...(options.asOf === undefined ? {} : { at: options.asOf.trim() }) });
        if (options.out !== undefined) await writeUserFile(io, options.out, await (await import("@rapk/report")).rollupWorkbook(rows, totals), { overwrite: true });
        else if (options.json) io.stdout.write(jsonText({ asOf: options.asOf ?? null, year: year ?? null, plans: rows, totals }));
        else printRollup(io.stdout, rows, totals, options.asOf);
      } finally {
        await store.close();
      }
    });
}

type Figures = Pick<RollupTotals, "ceiling" | "pagu" | "allocated" | "spent" | "absorption" | "bands" | "unrated">;

function printRollup(out: { write(text: string): unknown }, rows: readonly RollupRow[], totals: RollupTotals, asOf: string | undefined): void {
  println(out, `Rollup of ${totals.plans} plan${totals.plans === 1 ? "" : "s"}${asOf === undefined ? " at their latest versions" : ` as of ${asOf}`}`);
  const columns = [
    { header: "PLAN" },
    { header: "UNIT" },
    { header: "YEAR", align: "right" as const },
    { header: "V", align: "right" as const },
    { header: "CEILING", align: "right" as const },
    { header: "PAGU", align: "right" as const },
    { header: "ALLOCATED", align: "right" as const },
    { header: "SPENT", align: "right" as const },
    { header: "PENYERAPAN", align: "right" as const },
    { header: "MONTH" },
    ...BPOM_BANDS.map((band) => ({ header: bandHeader(band.label.id), align: "right" as const })),
    { header: "NONE", align: "right" as const },
  ];
  const money = (row: Figures) => [formatRupiah(row.ceiling), formatRupiah(row.pagu), formatRupiah(row.allocated), formatRupiah(row.spent), formatPercentOfRatio(row.absorption)];
  const bands = (row: Figures) => [...BPOM_BANDS.map((band) => String(row.bands[band.id] ?? 0)), String(row.unrated)];
  const lines = rows.map((row) => [row.plan, row.unit ?? "", row.year === null ? "" : String(row.year), String(row.version), ...money(row), row.latestMonth === null ? "" : monthCode(row.latestMonth), ...bands(row)]);
  lines.push(["TOTAL", `${totals.plans} plans`, "", "", ...money(totals), "", ...bands(totals)]);
  for (const line of renderTable(columns, lines)) println(out, line);
  println(out);
  println(out, `Bands in each plan's latest reported month (MONTH): ${BPOM_BANDS.map((band) => `${bandHeader(band.label.id)} ${band.label.id}`).join(", ")}; NONE no achievement that month.`);
}
