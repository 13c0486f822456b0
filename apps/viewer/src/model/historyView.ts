import {
  type BudgetSummary,
  type IndicatorAchievement,
  type PlanDocument,
  type PlanState,
  type Violation,
  achievement,
  budgetSummary,
  checkInvariants,
  planDocument,
} from "@rapk/core";
import { type PlanDiff, type StoredEvent, type Version, diffStates, openHistory } from "@rapk/history";
import type { PrintProvenance } from "@rapk/report";

/** The plan at a version and everything the panels derive from it, computed once per state. */
export interface VersionView {
  readonly state: PlanState;
  readonly document: PlanDocument;
  readonly budget: BudgetSummary;
  readonly violations: readonly Violation[];
  readonly achievement: readonly IndicatorAchievement[];
}

export interface HistoryView {
  readonly versions: readonly Version[];
  /** The newest version's number (0 for an empty log). */
  readonly last: number;
  at(version: number): VersionView;
  diff(from: number, to: number): PlanDiff;
  /** What a printed page says of a version: its number, when it took effect, the log's hash at its end. */
  provenance(version: number): PrintProvenance;
  /** The version in force on a date (by effectiveAt; 0 when none was yet), as the CLI's `--as-of <date>`. */
  inForceOn(date: string): number;
  /** The version the log knew on a date (by recordedAt; 0 when none was written yet), as the CLI's `--known-at`. */
  knownOn(date: string): number;
}

// Enough to keep a whole scrub back and forth warm without holding every state of a long log.
const CACHE_SIZE = 64;

/**
 * Wraps a history for the panels. Scrubbing the timeline asks for the same versions again and
 * again: states come from the checkpointed `stateAt`, and the projections of each state are
 * computed lazily, once, and kept in a small least-recently-used cache.
 */
export function createHistoryView(events: readonly StoredEvent[]): HistoryView {
  const history = openHistory(events);
  const cache = new Map<number, VersionView>();
  const diffs = new Map<string, PlanDiff>();

  const build = (state: PlanState): VersionView => {
    let document: PlanDocument | undefined;
    let budget: BudgetSummary | undefined;
    let violations: Violation[] | undefined;
    let achieved: IndicatorAchievement[] | undefined;
    return {
      state,
      get document() {
        return (document ??= planDocument(state));
      },
      get budget() {
        return (budget ??= budgetSummary(state));
      },
      get violations() {
        return (violations ??= checkInvariants(state));
      },
      get achievement() {
        return (achieved ??= achievement(state));
      },
    };
  };

  const at = (version: number): VersionView => {
    const hit = cache.get(version);
    if (hit) {
      cache.delete(version);
      cache.set(version, hit);
      return hit;
    }
    const view = build(history.stateAt(version));
    cache.set(version, view);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as number);
    return view;
  };

  return {
    versions: history.versions,
    last: history.versions.length === 0 ? 0 : history.versions[history.versions.length - 1]!.number,
    at,
    inForceOn: (date) => history.versionAt(date),
    knownOn: (date) => history.versionKnownAt(date),
    provenance(version) {
      const v = history.versions[version - 1];
      if (!v) return { version, effectiveAt: "", headHash: "0".repeat(64) };
      return { version, effectiveAt: v.effectiveAt, headHash: history.events[v.lastSeq - 1]!.hash };
    },
    diff(from, to) {
      const key = `${from}:${to}`;
      let diff = diffs.get(key);
      if (!diff) {
        diff = diffStates(at(from).state, at(to).state);
        if (diffs.size >= CACHE_SIZE) diffs.delete(diffs.keys().next().value as string);
        diffs.set(key, diff);
      }
      return diff;
    },
  };
}
