import type { EvidenceRef } from "@rapk/core";
import type { StoredEvent } from "./storedEvent.js";

/**
 * Every evidence file a log's events cite, with the event citing it: a report's own (`evidence`
 * on SpendingReported and RealisationReported) and a proposal's, in the reports it proposes
 * (RevisionProposed's commands), which whoever approves it reads before anything is in force.
 */
export function evidenceCited(events: readonly Pick<StoredEvent, "seq" | "type" | "data">[]): { ref: EvidenceRef; seq: number }[] {
  const cited: { ref: EvidenceRef; seq: number }[] = [];
  const cite = (data: unknown, seq: number) => {
    const refs = (data as { evidence?: readonly EvidenceRef[] } | undefined)?.evidence;
    if (Array.isArray(refs)) for (const ref of refs) cited.push({ ref, seq });
  };
  for (const event of events) {
    if (event.type === "RevisionProposed") for (const command of (event.data as { commands: readonly { data?: unknown }[] }).commands) cite(command.data, event.seq);
    else cite(event.data, event.seq);
  }
  return cited;
}
