import { summarizeVersion } from "@rapk/history";
import type { Command } from "commander";
import type { Context } from "../context.js";
import { importRecordLines } from "../format/findings.js";
import { renderTable } from "../format/table.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { loadLog } from "../logFile.js";

export function registerLog(program: Command, { io, language }: Context): void {
  program
    .command("log")
    .summary("list the versions of a log: who, when, what kind, why, on whose authority")
    .description("Lists every version (batch of events) of the log: number, when it took effect (in force from) and when it was recorded, actor, kind (draft, pok, dipa, rapk, report), reason, reference and a summary of what changed; then, for an import, the file it was read from (name, size, SHA-256), the importer and every finding.")
    .argument("<log>", "the event log (NDJSON)")
    .option("--json", "print the versions as JSON")
    .addHelpText("after", "\nExample:\n  rapk log plan.ndjson")
    .action(async (file: string, options: { json?: boolean }) => {
      const { history } = await loadLog(io, file);
      if (options.json) {
        io.stdout.write(jsonText(history.versions.map((v) => ({ ...v, summary: summarizeVersion(history, v.number) }))));
        return;
      }
      if (history.versions.length === 0) {
        println(io.stdout, "(the log is empty)");
        return;
      }
      const rows = history.versions.map((v) => [
        String(v.number),
        v.effectiveAt,
        v.recordedAt,
        v.actor,
        v.kind,
        v.corrects === undefined ? v.reason : `${v.reason} (corrects version ${v.corrects})`,
        v.reference ?? "",
        summarizeVersion(history, v.number),
      ]);
      const columns = [
        { header: "VERSION", align: "right" as const },
        { header: "IN FORCE FROM" },
        { header: "RECORDED" },
        { header: "ACTOR" },
        { header: "KIND" },
        { header: "REASON" },
        { header: "REFERENCE" },
        { header: "SUMMARY" },
      ];
      for (const line of renderTable(columns, rows)) println(io.stdout, line);
      for (const version of history.versions) {
        const record = importRecordLines(version, language());
        if (record.length > 0) println(io.stdout);
        for (const line of record) println(io.stdout, line);
      }
    });
}
