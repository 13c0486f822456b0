import { fingerprintOf, signaturesOf, summarizeVersion } from "@rapk/history";
import type { Command } from "commander";
import type { Context } from "../context.js";
import { importRecordLines } from "../format/findings.js";
import { renderTable } from "../format/table.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { loadLog } from "../logFile.js";
import { UNVERIFIED_OPTION, signersOf, unverifiedMark } from "../verifiedRead.js";

export function registerLog(program: Command, { io, language }: Context): void {
  program
    .command("log")
    .summary("list the versions of a log: who, when, what kind, why, on whose authority")
    .description(
      "Lists every version (batch of events) of the log: number, when it took effect (in force from) and when it was recorded, actor, kind (draft, pok, dipa, rapk, report), reason, reference, who signed it (each signature's key fingerprint, every one checked) and a summary of what changed; then, for an import, the file it was read from (name, size, SHA-256), the importer and every finding. The log is verified first, as rapk verify does.",
    )
    .argument("<log>", "the event log (NDJSON)")
    .option("--json", "print the versions as JSON")
    .option(...UNVERIFIED_OPTION)
    .addHelpText("after", "\nExample:\n  rapk log plan.ndjson")
    .action(async (file: string, options: { json?: boolean; unverified?: boolean }) => {
      const loaded = await loadLog(io, file, { unverified: options.unverified === true });
      const { history, versions, verification } = loaded;
      if (options.json) {
        // Every entry of an unverified log says so: a list has no other place for it.
        const marked = verification.ok ? {} : { unverified: verification.problem };
        const signers = (n: number) => {
          const read = loaded.readings[n - 1];
          if (read?.signers) return read.signers;
          const commit = versions[n - 1]?.commit;
          return commit ? signaturesOf(commit).map((s) => ({ publicKey: s.publicKey, fingerprint: fingerprintOf(s.publicKey) })) : [];
        };
        const policy = (n: number) => {
          const read = loaded.readings[n - 1];
          return { ...(read?.policy === undefined ? {} : { policy: read.policy }), ...(read?.ratifiedIn === undefined ? {} : { ratifiedIn: read.ratifiedIn }) };
        };
        io.stdout.write(jsonText(history.versions.map((v) => ({ ...v, signers: signers(v.number), ...policy(v.number), summary: summarizeVersion(history, v.number), ...marked }))));
        return;
      }
      const mark = unverifiedMark(verification);
      if (mark) println(io.stdout, mark);
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
        signersOf(loaded, v.number) || "(unsigned)",
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
        { header: "SIGNED BY" },
        { header: "SUMMARY" },
      ];
      for (const line of renderTable(columns, rows)) println(io.stdout, line);
      for (const version of history.versions) {
        const record = importRecordLines(version, language());
        if (record.length > 0) println(io.stdout);
        for (const line of record) println(io.stdout, line);
      }
      if (mark) println(io.stdout, mark);
    });
}
