import { isRupiah } from "./money/rupiah.js";
import { formatRupiah } from "./money/formatRupiah.js";
import type { PlanState } from "./state.js";
import type { ErrorCode } from "./messages/errorMessages.js";
import type { DomainError } from "./errors.js";

/** A broken invariant: a DomainError (a stable code, a message that says by how much, and where in the state). */
export type Violation = DomainError;

/** One rule of docs/domain.md, "The rules", stated once and used by decide, the tests and verify. */
export interface Invariant {
  readonly code: ErrorCode;
  readonly description: string;
  check(state: PlanState): Violation[];
}

function sumValues(record: Readonly<Record<string | number, number>> | undefined): number {
  let total = 0;
  if (record) for (const value of Object.values(record)) total += value;
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
  check(state) {
    const out: Violation[] = [];
    const bad = (value: number, path: (string | number)[]) => {
      if (!isRupiah(value)) out.push({ code: this.code, message: `${path.join(".")} is ${value}, not a whole non-negative Rupiah amount`, path });
    };
    if (state.plan) bad(state.plan.ceiling, ["plan", "ceiling"]);
    for (const line of Object.values(state.lines)) bad(line.pagu, ["lines", line.id, "pagu"]);
    for (const [indicator, row] of Object.entries(state.contributions))
      for (const [line, amount] of Object.entries(row)) bad(amount, ["contributions", indicator, line]);
    for (const [line, months] of Object.entries(state.spending))
      for (const [month, amount] of Object.entries(months)) bad(amount, ["spending", line, Number(month)]);
    return out;
  },
};

export const knownReferences: Invariant = {
  code: "UNKNOWN_REFERENCE",
  description: "Indicators belong to a defined objective; contributions, realisation and spending name a defined indicator and line.",
  check(state) {
    const out: Violation[] = [];
    for (const indicator of Object.values(state.indicators))
      if (!state.objectives[indicator.objective])
        out.push({ code: this.code, message: `indicator ${indicator.id} belongs to unknown objective ${indicator.objective}`, path: ["indicators", indicator.id] });
    for (const [indicator, row] of Object.entries(state.contributions)) {
      if (!state.indicators[indicator])
        out.push({ code: this.code, message: `contribution to unknown indicator ${indicator}`, path: ["contributions", indicator] });
      for (const line of Object.keys(row))
        if (!state.lines[line]) out.push({ code: this.code, message: `contribution from unknown budget line ${line}`, path: ["contributions", indicator, line] });
    }
    for (const indicator of Object.keys(state.realisations))
      if (!state.indicators[indicator]) out.push({ code: this.code, message: `realisation of unknown indicator ${indicator}`, path: ["realisations", indicator] });
    for (const line of Object.keys(state.spending))
      if (!state.lines[line]) out.push({ code: this.code, message: `spending on unknown budget line ${line}`, path: ["spending", line] });
    return out;
  },
};

export const lineNotOverAllocated: Invariant = {
  code: "LINE_OVER_ALLOCATED",
  description: "For every budget line, the contributions across all indicators add up to at most its pagu.",
  check(state) {
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
  check(state) {
    if (!state.plan) return [];
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
  check(state) {
    const out: Violation[] = [];
    for (const indicator of Object.values(state.indicators)) {
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
  check(state) {
    const out: Violation[] = [];
    for (const indicator of Object.values(state.indicators)) {
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
  check(state) {
    const out: Violation[] = [];
    for (const [id, months] of Object.entries(state.spending)) {
      const line = state.lines[id];
      const spent = sumValues(months);
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

/** The invariants of docs/domain.md, in the order they are reported. */
export const INVARIANTS: readonly Invariant[] = Object.freeze([
  wholeRupiah,
  knownReferences,
  twelveTargets,
  lineNotOverAllocated,
  withinCeiling,
  cumulativeNeverDecreases,
  spendingWithinPagu,
]);

/** Every violation of the invariants in a state; empty when the plan is sound. */
export function checkInvariants(state: PlanState, invariants: readonly Invariant[] = INVARIANTS): Violation[] {
  return invariants.flatMap((invariant) => invariant.check(state));
}
