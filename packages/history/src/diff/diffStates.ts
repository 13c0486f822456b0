import type { PlanState } from "@rapk/core";
import { CHANGE_KINDS, type Change, type ChangeKind, type ChangeOf, INDICATOR_FIELDS, LINE_PARTS, type PlanDiff } from "./change.js";
import { samePlanHeader, sameRealisation, sameSignature } from "./equal.js";
import { changedKeys } from "./keys.js";
import { summarize } from "./summarize.js";

/** One list per kind, filled in id order, joined in CHANGE_KINDS order: no sort of the changes themselves. */
type Buckets = { [K in ChangeKind]: ChangeOf<K>[] };

/**
 * The structured difference from plan state `a` to plan state `b`: what was added, removed,
 * renamed, re-targeted, re-budgeted, re-attributed and reported, one change per cell, in
 * {@link CHANGE_KINDS} order and sorted by id within a kind. Works for two versions of one plan
 * and for two different plans. Linear in the size of what differs, plus one reference comparison
 * per entry of a record that differs at all.
 */
export function diffStates(a: PlanState, b: PlanState): PlanDiff {
  const buckets = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, []])) as unknown as Buckets;
  if (a !== b) {
    diffPlan(a, b, buckets);
    diffObjectives(a, b, buckets);
    diffIndicators(a, b, buckets);
    diffLines(a, b, buckets);
    diffContributions(a, b, buckets);
    diffMonthly(a.realisations, b.realisations, (indicator, month, from, to) => {
      if (from === null || to === null || !sameRealisation(from, to)) buckets["realisation-changed"].push({ kind: "realisation-changed", indicator, month, from, to });
    });
    diffMonthly(a.spending, b.spending, (line, month, from, to) => {
      if (from !== to) buckets["spending-changed"].push({ kind: "spending-changed", line, month, from, to });
    });
    if (!sameSignature(a.signature, b.signature)) buckets["signature-changed"].push({ kind: "signature-changed", from: a.signature, to: b.signature });
  }
  const changes: Change[] = [];
  // A loop, not push(...bucket): a spread of 100,000 changes would overflow the call stack.
  for (const kind of CHANGE_KINDS) for (const change of buckets[kind]) changes.push(change);
  return { changes, summary: summarize(changes) };
}

function diffPlan(a: PlanState, b: PlanState, out: Buckets): void {
  if (a.plan === b.plan) return;
  if (!a.plan || !b.plan || !samePlanHeader(a.plan, b.plan)) out["plan-changed"].push({ kind: "plan-changed", from: a.plan, to: b.plan });
  if (a.plan && b.plan && a.plan.ceiling !== b.plan.ceiling) out["ceiling-changed"].push({ kind: "ceiling-changed", from: a.plan.ceiling, to: b.plan.ceiling });
}

function diffObjectives(a: PlanState, b: PlanState, out: Buckets): void {
  for (const code of changedKeys(a.objectives, b.objectives)) {
    const from = a.objectives[code];
    const to = b.objectives[code];
    if (!from) out["objective-added"].push({ kind: "objective-added", objective: code, to: to! });
    else if (!to) out["objective-removed"].push({ kind: "objective-removed", objective: code, from });
    else {
      if (from.name !== to.name) out["objective-renamed"].push({ kind: "objective-renamed", objective: code, from: from.name, to: to.name });
      if (from.number !== to.number)
        out["objective-renumbered"].push({ kind: "objective-renumbered", objective: code, from: from.number ?? null, to: to.number ?? null });
    }
  }
}

function diffIndicators(a: PlanState, b: PlanState, out: Buckets): void {
  for (const id of changedKeys(a.indicators, b.indicators)) {
    const from = a.indicators[id];
    const to = b.indicators[id];
    if (!from) out["indicator-added"].push({ kind: "indicator-added", indicator: id, to: to! });
    else if (!to) out["indicator-removed"].push({ kind: "indicator-removed", indicator: id, from });
    else {
      if (from.name !== to.name) out["indicator-renamed"].push({ kind: "indicator-renamed", indicator: id, from: from.name, to: to.name });
      for (const field of INDICATOR_FIELDS)
        if (from[field] !== to[field]) out["indicator-redefined"].push({ kind: "indicator-redefined", indicator: id, field, from: from[field], to: to[field] });
      if (from.targets !== to.targets)
        for (let m = 0; m < 12; m++) {
          const was = from.targets[m] ?? null;
          const now = to.targets[m] ?? null;
          if (was !== now) out["target-changed"].push({ kind: "target-changed", indicator: id, month: m + 1, from: was, to: now });
        }
    }
  }
}

function diffLines(a: PlanState, b: PlanState, out: Buckets): void {
  for (const id of changedKeys(a.lines, b.lines)) {
    const from = a.lines[id];
    const to = b.lines[id];
    if (!from) out["line-added"].push({ kind: "line-added", line: id, to: to! });
    else if (!to) out["line-removed"].push({ kind: "line-removed", line: id, from });
    else {
      for (const part of LINE_PARTS)
        if (from[part].name !== to[part].name) out["line-renamed"].push({ kind: "line-renamed", line: id, part, from: from[part].name, to: to[part].name });
      if (from.pagu !== to.pagu) out["pagu-changed"].push({ kind: "pagu-changed", line: id, from: from.pagu, to: to.pagu });
    }
  }
}

function diffContributions(a: PlanState, b: PlanState, out: Buckets): void {
  for (const indicator of changedKeys(a.contributions, b.contributions)) {
    const from = a.contributions[indicator];
    const to = b.contributions[indicator];
    for (const line of changedKeys(from, to)) {
      const was = from?.[line] ?? 0;
      const now = to?.[line] ?? 0;
      if (was !== now) out["contribution-changed"].push({ kind: "contribution-changed", indicator, line, from: was, to: now });
    }
  }
}

type Monthly<V> = Readonly<Record<string, Readonly<Record<number, V>>>>;

// Realisation and spending are id -> month (1..12) -> value; months are walked in order, so
// nothing needs sorting but the ids.
function diffMonthly<V>(a: Monthly<V>, b: Monthly<V>, visit: (id: string, month: number, from: V | null, to: V | null) => void): void {
  for (const id of changedKeys(a, b)) {
    const from = a[id];
    const to = b[id];
    for (let month = 1; month <= 12; month++) {
      const was = from?.[month] ?? null;
      const now = to?.[month] ?? null;
      if (was !== now) visit(id, month, was, now);
    }
  }
}
