import type { Command } from "commander";
import type { PlanEvent } from "@rapk/core";
import type { History } from "@rapk/history";
import type { Context } from "../context.js";
import { renderTable } from "../format/table.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { loadLog } from "../logFile.js";
import { headVersion } from "../selector.js";
import { UNVERIFIED_OPTION, markedJson, unverifiedMark } from "../verifiedRead.js";

/** A proposal as `rapk pending` lists it: where it stands, and the versions that proposed and decided it. */
interface Listed {
  readonly proposal: number;
  readonly kind: string;
  readonly by: string;
  readonly status: string;
  readonly proposedIn: number;
  readonly proposedAt: string;
  readonly commands: number;
  readonly what: string;
  readonly decidedIn?: number;
  readonly decidedBy?: string;
  readonly returnReason?: string;
}

export function registerPending(program: Command, { io }: Context): void {
  program
    .command("pending")
    .summary("list the proposals waiting for approval (with --all, every proposal and how it was decided)")
    .description(
      "Lists the plan's pending proposals: number, kind, who proposed it, in which version and when, and what it holds (its commands by type). With --all, every proposal: approved, returned (with the reason) and withdrawn too, with the version that decided it and who did. The log is verified first, as rapk verify does.",
    )
    .argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)")
    .option("--all", "every proposal, decided ones too")
    .option("--json", "print the proposals as JSON")
    .option(...UNVERIFIED_OPTION)
    .addHelpText("after", "\nExamples:\n  rapk pending plan.ndjson\n  rapk pending plan.ndjson --all --json")
    .action(async (file: string, options: { all?: boolean; json?: boolean; unverified?: boolean }) => {
      const { history, verification } = await loadLog(io, file, { unverified: options.unverified === true });
      const listed = proposalsOf(history).filter((p) => options.all === true || p.status === "pending");
      if (options.json) {
        io.stdout.write(jsonText(markedJson(verification, { proposals: listed })));
        return;
      }
      const mark = unverifiedMark(verification);
      if (mark) println(io.stdout, mark);
      if (listed.length === 0) println(io.stdout, options.all ? "(the plan has no proposals)" : "(no proposal is waiting for approval)");
      else {
        const columns = [
          { header: "PROPOSAL", align: "right" as const },
          { header: "KIND" },
          { header: "BY" },
          { header: "STATUS" },
          { header: "PROPOSED", align: "right" as const },
          { header: "ON" },
          { header: "WHAT" },
          ...(options.all ? [{ header: "DECIDED" }] : []),
        ];
        const rows = listed.map((p) => [
          String(p.proposal),
          p.kind,
          p.by,
          p.status,
          `version ${p.proposedIn}`,
          p.proposedAt,
          p.what,
          ...(options.all ? [p.decidedIn === undefined ? "" : `version ${p.decidedIn} by ${p.decidedBy}${p.returnReason ? `: ${p.returnReason}` : ""}`] : []),
        ]);
        for (const line of renderTable(columns, rows)) println(io.stdout, line);
      }
      if (mark) println(io.stdout, mark);
    });
}

/** Every proposal of the plan, with the versions that made and decided it (read off the events: the state keeps only where each stands). */
function proposalsOf(history: History): Listed[] {
  const where = new Map<number, { proposedIn: number; proposedAt: string; decidedIn?: number }>();
  for (const version of history.versions)
    for (const e of history.events.slice(version.firstSeq - 1, version.lastSeq) as readonly unknown[] as readonly PlanEvent[]) {
      if (e.type === "RevisionProposed") where.set(e.data.proposal, { proposedIn: version.number, proposedAt: version.effectiveAt });
      else if (e.type === "ProposalApproved" || e.type === "ProposalReturned" || e.type === "ProposalWithdrawn") {
        const found = where.get(e.data.proposal);
        if (found) where.set(e.data.proposal, { ...found, decidedIn: version.number });
      }
    }
  const head = history.stateAt(headVersion(history));
  return Object.values(head.proposals)
    .sort((a, b) => a.proposal - b.proposal)
    .map((p) => {
      const at = where.get(p.proposal);
      const counts = new Map<string, number>();
      for (const command of p.commands) counts.set(command.type, (counts.get(command.type) ?? 0) + 1);
      return {
        proposal: p.proposal,
        kind: p.kind,
        by: p.by,
        status: p.status,
        proposedIn: at?.proposedIn ?? 0,
        proposedAt: at?.proposedAt ?? "",
        commands: p.commands.length,
        what: [...counts].map(([type, n]) => (n === 1 ? type : `${type} x${n}`)).join(", "),
        ...(at?.decidedIn === undefined ? {} : { decidedIn: at.decidedIn }),
        ...(p.decidedBy === undefined ? {} : { decidedBy: p.decidedBy }),
        ...(p.returnReason === undefined ? {} : { returnReason: p.returnReason }),
      };
    });
}
