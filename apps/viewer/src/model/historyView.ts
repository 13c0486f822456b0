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
import { HistoryError, type PlanDiff, type Version, datedVersions, diffStates } from "@rapk/history";
import type { PrintProvenance } from "@rapk/report";
import type { FoldedHistory } from "./foldedHistory.js";

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
  /** Whether the plan at a version is here (a large log's older plans arrive after the newest: {@link receive}). */
  has(version: number): boolean;
  /** Whether every version's plan is here. */
  readonly complete: boolean;
  /** Takes the plans that came after the rest of the history (`states[n]` for version n; undefined ones are kept as they were). */
  receive(states: readonly (PlanState | undefined)[]): void;
  /** The plan at a version and its projections; throws for a version that is not here (yet). */
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
 * Wraps a history for the panels. The plan after every version comes folded from where the log
 * was read (the worker); scrubbing the timeline asks for the same versions again and again, so
 * the projections of each state are computed lazily, once, and kept in a small
 * least-recently-used cache.
 */
export function createHistoryView(history: FoldedHistory): HistoryView {
  const { versions, heads } = history;
  const states = [...history.states];
  let missing = states.filter((state) => state === undefined).length;
  const dated = datedVersions(versions);
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
    const state = states[version];
    if (!Number.isInteger(version) || version < 0 || version >= states.length)
      throw new HistoryError("VERSION_OUT_OF_RANGE", `there is no version ${version}; the log has versions 0..${versions.length}`);
    // A caller asks has() first: this is the page's mistake, not the file's.
    if (state === undefined) throw new Error(`the plan at version ${version} has not arrived yet`);
    const view = build(state);
    cache.set(version, view);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as number);
    return view;
  };

  return {
    versions,
    last: versions.length === 0 ? 0 : versions[versions.length - 1]!.number,
    at,
    has: (version) => states[version] !== undefined,
    get complete() {
      return missing === 0;
    },
    receive(arrived) {
      arrived.forEach((state, n) => {
        if (state === undefined || states[n] !== undefined || n >= states.length) return;
        states[n] = state;
        missing--;
      });
    },
    inForceOn: dated.versionAt,
    knownOn: dated.versionKnownAt,
    provenance(version) {
      const v = versions[version - 1];
      if (!v) return { version, effectiveAt: "", headHash: "0".repeat(64) };
      return { version, effectiveAt: v.effectiveAt, headHash: heads[version - 1]! };
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
