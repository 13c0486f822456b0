import { isRupiah } from "./money/rupiah.js";
import { formatRupiah } from "./money/formatRupiah.js";
import type { PlanState } from "./state.js";
import type { ErrorCode } from "./messages/errorMessages.js";
import type { DomainError } from "./errors.js";

/** A broken invariant: a DomainError (a stable code, a message that says by how much, and where in the state). */
export type Violation = DomainError;

/** A part of the state an invariant reads: the plan's heading or one of its records. */
export type StatePart = "plan" | PlanRecord;
type PlanRecord = "objectives" | "indicators" | "lines" | "contributions" | "realisations" | "spending" | "spendingNotes" | "members" | "requirements" | "proposals";

/**
 * What a check looks at: every entry of the state (a full check), or only what a step changed
 * (see {@link checkInvariantsSince}). Each rule is written once, over a scope, and serves both.
 */
export interface Scope {
  /** Whether any of these parts may differ from a state that held every invariant. */
  changed(...parts: readonly StatePart[]): boolean;
  /**
   * The keys of `record` to check, in the record's order: all of them when any of `dependsOn`
   * changed (an entry's check reads those too), otherwise only the entries that changed.
   */
  keys(state: PlanState, record: PlanRecord, ...dependsOn: readonly StatePart[]): readonly string[];
}

/** Every entry: the full check. */
const EVERYTHING: Scope = {
  changed: () => true,
  keys: (state, record) => Object.keys(state[record]),
};

/**
 * The part of `after` a step changed from `before`, known by identity: a fold (replay, decide)
 * shares every entry it did not touch with the state it started from, and copies the ones it
 * changes, so an entry that is the same object is the same data.
 */
function changedSince(before: PlanState, after: PlanState): Scope {
  const changed = (...parts: readonly StatePart[]) => parts.some((part) => before[part] !== after[part]);
  return {
    changed,
    keys(state, record, ...dependsOn) {
      if (changed(...dependsOn)) return Object.keys(state[record]);
      const was = before[record] as { readonly [key: string]: unknown };
      const now = state[record] as { readonly [key: string]: unknown };
      if (was === now) return [];
      // Object.keys, not for-in: for-in on a dictionary-mode record enumerates every key first.
      const keys = Object.keys(now);
      const out: string[] = [];
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        if (now[key] !== was[key]) out.push(key);
      }
      return out;
    },
  };
}

/** One rule of docs/domain.md, "The rules", stated once and used by decide, the tests and verify. */
export interface Invariant {
  readonly code: ErrorCode;
  readonly description: string;
  /** The violations in `state`; with a scope, only those among what the scope names (every entry by default). */
  check(state: PlanState, scope?: Scope): Violation[];
}

function sumValues(record: Readonly<{ [key: string | number]: number }> | undefined): number {
  let total = 0;
  // for-in, not Object.values: a row of months is small, and this runs on every row a version touched.
  if (record) for (const key in record) total += record[key] as number;
  return total;
}

/** Allocation of every line: line id -> sum of the contributions made from it. */
export function allocationByLine(state: PlanState): Map<string, number> {
  const allocated = new Map<string, number>();
  for (const row of Object.values(state.contributions)) {
    for (const [line, amount] of Object.entries(row)) allocated.set(line, (allocated.get(line) ?? 0) + amount);
  }
  return allocated;
}

export const wholeRupiah: Invariant = {
  code: "AMOUNT_NOT_WHOLE_RUPIAH",
  description: "Every amount (ceiling, pagu, contribution, spending) is a non-negative safe integer of Rupiah.",
  check(state, scope = EVERYTHING) {
    const out: Violation[] = [];
    // The path is made only for an amount that is bad: this runs over every amount a version touched.
    const bad = (value: number, path: (string | number)[]) =>
      out.push({ code: this.code, message: `${path.join(".")} is ${value}, not a whole non-negative Rupiah amount`, path });
    if (state.plan && scope.changed("plan") && !isRupiah(state.plan.ceiling)) bad(state.plan.ceiling, ["plan", "ceiling"]);
    for (const id of scope.keys(state, "lines")) {
      const line = state.lines[id] as (typeof state.lines)[string];
      if (!isRupiah(line.pagu)) bad(line.pagu, ["lines", line.id, "pagu"]);
      if (line.unattributed !== undefined && !isRupiah(line.unattributed)) bad(line.unattributed, ["lines", line.id, "unattributed"]);
    }
    for (const indicator of scope.keys(state, "contributions")) {
      const row = state.contributions[indicator] ?? {};
      for (const line in row) if (!isRupiah(row[line] as number)) bad(row[line] as number, ["contributions", indicator, line]);
    }
    for (const line of scope.keys(state, "spending")) {
      const months = state.spending[line] ?? {};
      for (const month in months) if (!isRupiah(months[month] as number)) bad(months[month] as number, ["spending", line, Number(month)]);
    }
    return out;
  },
};

export const knownReferences: Invariant = {
  code: "UNKNOWN_REFERENCE",
  description: "Indicators belong to a defined objective; contributions, realisation and spending name a defined indicator and line.",
  check(state, scope = EVERYTHING) {
    const out: Violation[] = [];
    for (const id of scope.keys(state, "indicators", "objectives")) {
      const indicator = state.indicators[id] as (typeof state.indicators)[string];
      if (!state.objectives[indicator.objective])
        out.push({ code: this.code, message: `indicator ${indicator.id} belongs to unknown objective ${indicator.objective}`, path: ["indicators", indicator.id] });
    }
    for (const indicator of scope.keys(state, "contributions", "indicators", "lines")) {
      if (!state.indicators[indicator])
        out.push({ code: this.code, message: `contribution to unknown indicator ${indicator}`, path: ["contributions", indicator] });
      for (const line of Object.keys(state.contributions[indicator] ?? {}))
        if (!state.lines[line]) out.push({ code: this.code, message: `contribution from unknown budget line ${line}`, path: ["contributions", indicator, line] });
    }
    for (const indicator of scope.keys(state, "realisations", "indicators"))
      if (!state.indicators[indicator]) out.push({ code: this.code, message: `realisation of unknown indicator ${indicator}`, path: ["realisations", indicator] });
    for (const line of scope.keys(state, "spending", "lines"))
      if (!state.lines[line]) out.push({ code: this.code, message: `spending on unknown budget line ${line}`, path: ["spending", line] });
    return out;
  },
};

export const lineNotOverAllocated: Invariant = {
  code: "LINE_OVER_ALLOCATED",
  description: "For every budget line, the contributions across all indicators add up to at most its pagu.",
  check(state, scope = EVERYTHING) {
    // A line's allocation sums every indicator's row: any change to a row or a pagu checks them all.
    if (!scope.changed("contributions", "lines")) return [];
    const out: Violation[] = [];
    for (const [id, allocated] of allocationByLine(state)) {
      const line = state.lines[id];
      if (line && allocated > line.pagu)
        out.push({
          code: this.code,
          message: `budget line ${id}: contributions ${formatRupiah(allocated)} exceed its pagu ${formatRupiah(line.pagu)} by ${formatRupiah(allocated - line.pagu)}`,
          path: ["lines", id, "pagu"],
        });
    }
    return out;
  },
};

export const withinCeiling: Invariant = {
  code: "CEILING_EXCEEDED",
  description: "The pagu of all budget lines adds up to at most the plan's total ceiling.",
  check(state, scope = EVERYTHING) {
    if (!state.plan || !scope.changed("plan", "lines")) return [];
    let total = 0;
    for (const line of Object.values(state.lines)) total += line.pagu;
    if (total <= state.plan.ceiling) return [];
    return [
      {
        code: this.code,
        message: `the budget lines add up to ${formatRupiah(total)}, over the plan's ceiling ${formatRupiah(state.plan.ceiling)} by ${formatRupiah(total - state.plan.ceiling)}`,
        path: ["plan", "ceiling"],
      },
    ];
  },
};

export const twelveTargets: Invariant = {
  code: "TARGETS_MALFORMED",
  description: "Every indicator has exactly twelve monthly target slots, each a finite number >= 0 or blank.",
  check(state, scope = EVERYTHING) {
    const out: Violation[] = [];
    for (const id of scope.keys(state, "indicators")) {
      const indicator = state.indicators[id] as (typeof state.indicators)[string];
      const ok =
        indicator.targets.length === 12 &&
        indicator.targets.every((t) => t === null || (typeof t === "number" && Number.isFinite(t) && t >= 0));
      if (!ok) out.push({ code: this.code, message: `indicator ${indicator.id} does not have twelve valid monthly targets`, path: ["indicators", indicator.id, "targets"] });
    }
    return out;
  },
};

export const cumulativeNeverDecreases: Invariant = {
  code: "CUMULATIVE_DECREASES",
  description: "A cumulative indicator's target never decreases from one month to a later one (blank months are skipped).",
  check(state, scope = EVERYTHING) {
    const out: Violation[] = [];
    for (const id of scope.keys(state, "indicators")) {
      const indicator = state.indicators[id] as (typeof state.indicators)[string];
      if (indicator.shape !== "cumulative") continue;
      let previous: { month: number; value: number } | undefined;
      indicator.targets.forEach((value, index) => {
        if (value === null) return;
        if (previous && value < previous.value)
          out.push({
            code: this.code,
            message: `cumulative indicator ${indicator.id}: target of month ${index + 1} (${value}) is below month ${previous.month} (${previous.value})`,
            path: ["indicators", indicator.id, "targets", index],
          });
        previous = { month: index + 1, value };
      });
    }
    return out;
  },
};

export const spendingWithinPagu: Invariant = {
  code: "LINE_OVERSPENT",
  description: "Spending reported on a budget line, summed over the months, stays within its pagu.",
  check(state, scope = EVERYTHING) {
    const out: Violation[] = [];
    for (const id of scope.keys(state, "spending", "lines")) {
      const line = state.lines[id];
      const spent = sumValues(state.spending[id]);
      if (line && spent > line.pagu)
        out.push({
          code: this.code,
          message: `budget line ${id}: spending ${formatRupiah(spent)} exceeds its pagu ${formatRupiah(line.pagu)} by ${formatRupiah(spent - line.pagu)}`,
          path: ["spending", id],
        });
    }
    return out;
  },
};

export const rosterHasHead: Invariant = {
  code: "ROSTER_WITHOUT_HEAD",
  description: "A roster that has members has at least one head, and no two members sign with the same key.",
  check(state, scope = EVERYTHING) {
    if (!scope.changed("members")) return [];
    const members = Object.values(state.members);
    if (members.length === 0) return [];
    const out: Violation[] = [];
    if (!members.some((member) => member.role === "head"))
      out.push({ code: this.code, message: "the roster has no head left: someone must approve, and the roster's changes need a head's signature", path: ["members"] });
    const byKey = new Map<string, string>();
    for (const member of members) {
      const other = byKey.get(member.publicKey);
      if (other !== undefined) out.push({ code: this.code, message: `members ${other} and ${member.member} sign with the same key ${member.publicKey}`, path: ["members", member.member, "publicKey"] });
      byKey.set(member.publicKey, member.member);
    }
    return out;
  },
};

/** The invariants of docs/domain.md, in the order they are reported. */
export const INVARIANTS: readonly Invariant[] = Object.freeze([
  wholeRupiah,
  knownReferences,
  twelveTargets,
  lineNotOverAllocated,
  withinCeiling,
  cumulativeNeverDecreases,
  spendingWithinPagu,
  rosterHasHead,
]);

/** Every violation of the invariants in a state; empty when the plan is sound. */
export function checkInvariants(state: PlanState, invariants: readonly Invariant[] = INVARIANTS): Violation[] {
  return invariants.flatMap((invariant) => invariant.check(state));
}

/**
 * The violations of `after`, given that `before` held every invariant: only what the step from
 * `before` to `after` changed is checked (the entries that are not the same objects, and a rule
 * over a whole record only when that record changed), so a version that touches a few entries of
 * a large plan costs a few checks, not a walk of the plan. The answer is checkInvariants(after)'s
 * (a property test holds them equal); given a `before` that did not hold, it may miss what was
 * already broken there.
 */
export function checkInvariantsSince(before: PlanState, after: PlanState, invariants: readonly Invariant[] = INVARIANTS): Violation[] {
  const scope = changedSince(before, after);
  return invariants.flatMap((invariant) => invariant.check(after, scope));
}
