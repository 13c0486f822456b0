import type { PlanState } from "@rapk/core";
import { type StoredEvent, type VerifiedVersion, type Version, openHistory, versionOf, versionsOf } from "@rapk/history";
import { type VersionSigning, signingOf } from "./signing.js";

/**
 * A log's versions with the plan after each, as the worker read them: what the page needs to show
 * any version, sent to it in one message (the states share what they have in common, and a
 * structured clone keeps that sharing), so that the page never replays the log itself.
 */
export interface FoldedHistory {
  readonly versions: readonly Version[];
  /**
   * `states[n]` is the plan after version n; `states[0]` the plan before any. Undefined for a
   * version whose plan has not arrived yet: a large log's newest plan comes first and the others
   * after it (see {@link newestFirst}).
   */
  readonly states: readonly (PlanState | undefined)[];
  /** `heads[n - 1]` is the log's head at the end of version n (its commit record's hash; a v1 version's last event's). */
  readonly heads: readonly string[];
  /**
   * `signing[n - 1]`: who signed version n, as the verification read it. Shorter than `versions`
   * (or absent) where the reading stopped: a log whose chain breaks is shown for what it claims.
   */
  readonly signing?: readonly VersionSigning[];
}

/**
 * Collects the versions verifyLog hands over (`onVersion`) as it verifies a log: the one reading
 * of the text gives the verification and the folded history both.
 */
export function versionCollector(initial: PlanState): { readonly onVersion: (version: VerifiedVersion) => void; folded(): FoldedHistory } {
  // Each version is summed up as it comes (versionOf): its events are not kept, as nothing on the
  // page needs them (100,000 of them were the worker's garbage to carry for the agency's year).
  const versions: Version[] = [];
  const states: PlanState[] = [initial];
  const heads: string[] = [];
  const signing: VersionSigning[] = [];
  return {
    onVersion(version) {
      versions.push(versionOf(version.events));
      states.push(version.state);
      heads.push(version.head);
      signing.push(signingOf(version));
    },
    folded: () => ({ versions, states, heads, signing }),
  };
}

/**
 * Folds events already read (an import just made, or a log whose verification failed, shown for
 * what it claims) with history's replay. Throws a HistoryError naming the line of an event that
 * cannot be applied.
 */
export function foldHistory(events: readonly StoredEvent[]): FoldedHistory {
  const history = openHistory(events);
  const states = [history.stateAt(0), ...history.versions.map((version) => history.stateAt(version.number))];
  return { versions: history.versions, states, heads: versionsOf(events).map((version) => version.head) };
}

// Below this a log's plans are cloned to the page in a few milliseconds: they go in one message.
export const SPLIT_ABOVE_CHARACTERS = 2_000_000;

/**
 * A history with only its newest plan (what the page shows first), and the plans of the other
 * versions, to send after it: cloning every version's plan into one message to the page (and
 * out of it, on the page's thread) was half a second of the agency's year between the last
 * verified line and the document on screen. A history of one version has nothing to split.
 */
export function newestFirst(history: FoldedHistory): { readonly first: FoldedHistory; readonly rest: readonly (PlanState | undefined)[] } {
  const newest = history.states.length - 1;
  const first = history.states.map((state, n) => (n === newest ? state : undefined));
  const rest = history.states.map((state, n) => (n === newest ? undefined : state));
  return { first: { ...history, states: first }, rest };
}
