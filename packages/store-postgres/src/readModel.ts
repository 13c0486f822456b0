import { DomainFailure, type PlanEvent, type PlanState, planRollup, replay } from "@rapk/core";
import type { CommittedVersion } from "@rapk/history";
import type { PoolClient } from "pg";
import { BAND_COLUMNS } from "./schema.js";

const COLUMNS = [
  "plan", "version", "recorded_at", "effective_at", "effective_local", "unit", "agency", "year",
  "ceiling", "pagu", "allocated", "spent", "indicators", "latest_month", ...BAND_COLUMNS.map(({ column }) => column), "unrated",
];
const INSERT = `INSERT INTO rapk_rollup (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`;

/** The wall-clock part of an ISO date-time with offset (`2024-03-05T10:00:00`), as its plan's people read it. */
export function wallClock(iso: string): string {
  return iso.replace(/(Z|[+-]\d{2}:\d{2})$/, "");
}

/** Writes the read model's row for a version (its plan's summary after it), inside the append's transaction. */
export async function writeRollupRow(client: PoolClient, plan: string, version: CommittedVersion, after: PlanState): Promise<void> {
  const summary = planRollup(after);
  const { recordedAt, effectiveAt } = version.metadata;
  await client.query(INSERT, [
    plan, version.version, recordedAt, effectiveAt, wallClock(effectiveAt), summary.unit, summary.agency, summary.year,
    summary.ceiling, summary.pagu, summary.allocated, summary.spent, summary.indicators, summary.latestMonth,
    ...BAND_COLUMNS.map(({ id }) => summary.bands[id] ?? 0), summary.unrated,
  ]);
}

/**
 * The plan states this process last saw at each plan's head, so that an append folds only the
 * new version's events. A plan not seen (another process wrote it, or it fell out) is replayed
 * from its stored events once. Bounded: a bulk import of many plans keeps the latest few.
 */
export class HeadStates {
  private readonly states = new Map<string, { readonly head: string; readonly state: PlanState }>();

  constructor(private readonly capacity = 64) {}

  /** The state at `head`, from memory or replayed from the database inside the transaction. */
  async before(client: PoolClient, plan: string, head: string, seq: number): Promise<PlanState> {
    const known = this.states.get(plan);
    if (known && known.head === head) return known.state;
    const events: PlanEvent[] = [];
    if (seq > 0) {
      const { rows } = await client.query<{ line: string }>("SELECT line FROM rapk_events WHERE plan = $1 ORDER BY seq", [plan]);
      for (const { line } of rows) {
        const { type, data } = JSON.parse(line) as PlanEvent;
        events.push({ type, data } as PlanEvent);
      }
    }
    const replayed = replay(events);
    if (!replayed.ok) throw new DomainFailure(replayed.error);
    return replayed.value;
  }

  /** Remembers the state after a committed version. */
  remember(plan: string, head: string, state: PlanState): void {
    this.states.delete(plan);
    this.states.set(plan, { head, state });
    if (this.states.size > this.capacity) this.states.delete(this.states.keys().next().value as string);
  }

  forget(plan: string): void {
    this.states.delete(plan);
  }
}
