import { BPOM_BANDS, type PlanRollup, type PlanState, planRollup } from "@rapk/core";
import { openHistory } from "@rapk/history";
import type { EventStore, PlanSummary } from "./eventStore.js";

/** A plan as `rapk plans` lists it: where its log ends, and its unit and year at that head. */
export interface PlanListing extends PlanSummary {
  readonly unit: string | null;
  readonly year: number | null;
}

/** One plan's row in a rollup: the version answered, and its summary (core's planRollup). */
export interface RollupRow extends PlanRollup {
  readonly plan: string;
  readonly version: number;
}

/** The sums over the rows (absorption is total spent over total pagu). */
export type RollupTotals = Omit<RollupRow, "plan" | "version" | "unit" | "agency" | "year" | "latestMonth"> & { readonly plans: number };

export interface Rollup {
  readonly rows: readonly RollupRow[];
  readonly totals: RollupTotals;
}

/**
 * Which versions a rollup reads: the head of every plan, or the last version in effect at a
 * moment. `at` is an ISO date (the end of that day, in each plan's own offset), a date-time
 * without offset (a wall-clock time, likewise) or a date-time with offset (that instant).
 */
export interface RollupQuery {
  readonly year?: number;
  readonly at?: string;
}

/**
 * What a store may answer across its plans. A store with a read model answers from it (the
 * PostgreSQL store, by SQL); {@link catalogOf} answers for any other store by replaying each plan.
 */
export interface PlanCatalog {
  describePlans(): Promise<PlanListing[]>;
  rollup(query?: RollupQuery): Promise<Rollup>;
}

/** The store's own catalog when it keeps one, else one that replays every plan. */
export function catalogOf(store: EventStore & Partial<PlanCatalog>): PlanCatalog {
  if (typeof store.describePlans === "function" && typeof store.rollup === "function") return store as PlanCatalog;
  return {
    describePlans: () => describeByReplay(store),
    rollup: (query) => rollupByReplay(store, query),
  };
}

async function stateOf(store: EventStore, plan: string, at: string | undefined): Promise<{ version: number; state: PlanState }> {
  const events = [];
  for await (const version of store.read(plan)) events.push(...version.events);
  const history = openHistory(events);
  const version = at === undefined ? history.versions.length : history.versionAt(at);
  return { version, state: history.stateAt(version) };
}

async function describeByReplay(store: EventStore): Promise<PlanListing[]> {
  const listings: PlanListing[] = [];
  for (const summary of await store.listPlans()) {
    if (summary.version === 0) continue;
    const { state } = await stateOf(store, summary.plan, undefined);
    listings.push({ ...summary, unit: state.plan?.unit ?? null, year: state.plan?.year ?? null });
  }
  return listings;
}

// Nulls last, as SQL's ascending order puts them.
const byNullsLast = <T extends string | number>(a: T | null, b: T | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** The rollup by replaying every plan (each to its head, or to the version in effect at `at`). */
async function rollupByReplay(store: EventStore, query: RollupQuery = {}): Promise<Rollup> {
  const rows: RollupRow[] = [];
  for (const { plan } of await store.listPlans()) {
    const { version, state } = await stateOf(store, plan, query.at);
    if (version === 0 || !state.plan) continue;
    if (query.year !== undefined && state.plan.year !== query.year) continue;
    rows.push({ plan, version, ...planRollup(state) });
  }
  rows.sort((a, b) => byNullsLast(a.unit, b.unit) || byNullsLast(a.year, b.year) || byNullsLast(a.plan, b.plan));
  return { rows, totals: totalsOf(rows) };
}

/** The totals of rollup rows: sums, and absorption as total spent over total pagu. */
export function totalsOf(rows: readonly RollupRow[]): RollupTotals {
  const sum = (pick: (row: RollupRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const bandIds = [...new Set([...BPOM_BANDS.map((band) => band.id), ...rows.flatMap((row) => Object.keys(row.bands))])];
  const pagu = sum((row) => row.pagu);
  const spent = sum((row) => row.spent);
  return {
    plans: rows.length,
    ceiling: sum((row) => row.ceiling),
    pagu,
    allocated: sum((row) => row.allocated),
    spent,
    absorption: pagu === 0 ? null : spent / pagu,
    indicators: sum((row) => row.indicators),
    bands: Object.fromEntries(bandIds.map((id) => [id, sum((row) => row.bands[id] ?? 0)])),
    unrated: sum((row) => row.unrated),
  };
}
