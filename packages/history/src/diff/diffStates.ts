import type { IndicatorId, LineId, PlanState, Realisation } from "@rapk/core";
import { type Change, type ChangeOf, INDICATOR_FIELDS, LINE_PARTS, type PlanDiff } from "./change.js";
import { samePlanHeader, sameRealisation, sameSignature } from "./equal.js";
import { ChangeList } from "./changeList.js";
import { changedKeys } from "./keys.js";

/**
 * The structured difference from plan state `a` to plan state `b`: what was added, removed,
 * renamed, re-targeted, re-budgeted, re-attributed and reported, one change per cell, in
 * {@link CHANGE_KINDS} order and sorted by id within a kind. Works for two versions of one plan
 * and for two different plans. Linear in the size of what differs, plus one reference comparison
 * per entry of a record that differs at all.
 *
 * The sections are walked in CHANGE_KINDS order and each record's changed keys once, sorted, so
 * the changes come out in their final order: a section of one kind adds straight to the list,
 * and only the few-kinds sections (objectives, indicators, lines) gather each kind apart first.
 * The summary is counted on the way.
 */
export function diffStates(a: PlanState, b: PlanState): PlanDiff {
  const list = new ChangeList();
  if (a !== b) {
    diffPlan(a, b, list);
    diffObjectives(a, b, list);
    diffIndicators(a, b, list);
    diffLines(a, b, list);
    list.addRun("contribution-changed", (out) => diffContributions(a, b, out));
    diffRealisations(a.realisations, b.realisations, list);
    diffSpending(a.spending, b.spending, list);
    if (!sameSignature(a.signature, b.signature)) list.addAll("signature-changed", [{ kind: "signature-changed", from: a.signature, to: b.signature }]);
  }
  const summary = list.summary();
  // The changes are made on first read (a year of monthly reports is 80,000 of them) and kept:
  // a summary, a count or a diff never shown costs no object per cell.
  let changes: Change[] | undefined;
  return {
    get changes() {
      changes ??= list.toArray();
      return changes;
    },
    summary,
  };
}

function diffPlan(a: PlanState, b: PlanState, changes: ChangeList): void {
  if (a.plan === b.plan) return;
  if (!a.plan || !b.plan || !samePlanHeader(a.plan, b.plan)) changes.addAll("plan-changed", [{ kind: "plan-changed", from: a.plan, to: b.plan }]);
  if (a.plan && b.plan && a.plan.ceiling !== b.plan.ceiling) changes.addAll("ceiling-changed", [{ kind: "ceiling-changed", from: a.plan.ceiling, to: b.plan.ceiling }]);
}

function diffObjectives(a: PlanState, b: PlanState, changes: ChangeList): void {
  const added: ChangeOf<"objective-added">[] = [];
  const removed: ChangeOf<"objective-removed">[] = [];
  const renamed: ChangeOf<"objective-renamed">[] = [];
  const renumbered: ChangeOf<"objective-renumbered">[] = [];
  for (const code of changedKeys(a.objectives, b.objectives)) {
    const from = a.objectives[code];
    const to = b.objectives[code];
    if (!from) added.push({ kind: "objective-added", objective: code, to: to! });
    else if (!to) removed.push({ kind: "objective-removed", objective: code, from });
    else {
      if (from.name !== to.name) renamed.push({ kind: "objective-renamed", objective: code, from: from.name, to: to.name });
      if (from.number !== to.number) renumbered.push({ kind: "objective-renumbered", objective: code, from: from.number ?? null, to: to.number ?? null });
    }
  }
  changes.addAll("objective-added", added);
  changes.addAll("objective-removed", removed);
  changes.addAll("objective-renamed", renamed);
  changes.addAll("objective-renumbered", renumbered);
}

function diffIndicators(a: PlanState, b: PlanState, changes: ChangeList): void {
  const added: ChangeOf<"indicator-added">[] = [];
  const removed: ChangeOf<"indicator-removed">[] = [];
  const renamed: ChangeOf<"indicator-renamed">[] = [];
  const redefined: ChangeOf<"indicator-redefined">[] = [];
  const targets: ChangeOf<"target-changed">[] = [];
  for (const id of changedKeys<IndicatorId>(a.indicators, b.indicators)) {
    const from = a.indicators[id];
    const to = b.indicators[id];
    if (!from) added.push({ kind: "indicator-added", indicator: id, to: to! });
    else if (!to) removed.push({ kind: "indicator-removed", indicator: id, from });
    else {
      if (from.name !== to.name) renamed.push({ kind: "indicator-renamed", indicator: id, from: from.name, to: to.name });
      for (const field of INDICATOR_FIELDS)
        if (from[field] !== to[field]) redefined.push({ kind: "indicator-redefined", indicator: id, field, from: from[field], to: to[field] });
      if (from.targets !== to.targets)
        for (let m = 0; m < 12; m++) {
          const was = from.targets[m] ?? null;
          const now = to.targets[m] ?? null;
          if (was !== now) targets.push({ kind: "target-changed", indicator: id, month: m + 1, from: was, to: now });
        }
    }
  }
  changes.addAll("indicator-added", added);
  changes.addAll("indicator-removed", removed);
  changes.addAll("indicator-renamed", renamed);
  changes.addAll("indicator-redefined", redefined);
  changes.addAll("target-changed", targets);
}

function diffLines(a: PlanState, b: PlanState, changes: ChangeList): void {
  const added: ChangeOf<"line-added">[] = [];
  const removed: ChangeOf<"line-removed">[] = [];
  const renamed: ChangeOf<"line-renamed">[] = [];
  const pagu: ChangeOf<"pagu-changed">[] = [];
  for (const id of changedKeys<LineId>(a.lines, b.lines)) {
    const from = a.lines[id];
    const to = b.lines[id];
    // A line added or removed moves its whole pagu (docs/history.md, "Rupiah moved").
    if (!from) {
      added.push({ kind: "line-added", line: id, to: to! });
      changes.movePagu(to!.pagu);
    } else if (!to) {
      removed.push({ kind: "line-removed", line: id, from });
      changes.movePagu(-from.pagu);
    } else {
      for (const part of LINE_PARTS)
        if (from[part].name !== to[part].name) renamed.push({ kind: "line-renamed", line: id, part, from: from[part].name, to: to[part].name });
      if (from.pagu !== to.pagu) {
        pagu.push({ kind: "pagu-changed", line: id, from: from.pagu, to: to.pagu });
        changes.movePagu(to.pagu - from.pagu);
      }
    }
  }
  changes.addAll("line-added", added);
  changes.addAll("line-removed", removed);
  changes.addAll("line-renamed", renamed);
  changes.addAll("pagu-changed", pagu);
}

function diffContributions(a: PlanState, b: PlanState, changes: ChangeList): void {
  for (const indicator of changedKeys<IndicatorId>(a.contributions, b.contributions)) {
    const from = a.contributions[indicator];
    const to = b.contributions[indicator];
    for (const line of changedKeys<LineId>(from, to)) {
      const was = from?.[line] ?? 0;
      const now = to?.[line] ?? 0;
      if (was !== now) changes.push({ kind: "contribution-changed", indicator, line, from: was, to: now });
    }
  }
}

type Monthly<V> = Readonly<Record<string, Readonly<Record<number, V>>>>;

// Realisation and spending are id -> month (1..12) -> value; months are walked in order, so
// nothing needs sorting but the ids. Each section counts its changed cells now and makes their
// change objects only when the changes are read (ChangeList.addLater). Two functions rather than
// one taking a callback, so that each builds one shape of change object.
function diffRealisations(a: Monthly<Realisation>, b: Monthly<Realisation>, list: ChangeList): void {
  const differs = (was: Realisation | null, now: Realisation | null) => was !== now && (was === null || now === null || !sameRealisation(was, now));
  const ids = changedKeys<IndicatorId>(a, b);
  let count = 0;
  for (const indicator of ids) {
    const from = a[indicator];
    const to = b[indicator];
    for (let month = 1; month <= 12; month++) if (differs(from?.[month] ?? null, to?.[month] ?? null)) count += 1;
  }
  list.addLater("realisation-changed", count, (out) => {
    for (const indicator of ids) {
      const from = a[indicator];
      const to = b[indicator];
      for (let month = 1; month <= 12; month++) {
        const was = from?.[month] ?? null;
        const now = to?.[month] ?? null;
        if (differs(was, now)) out.push({ kind: "realisation-changed", indicator, month, from: was, to: now });
      }
    }
  });
}

function diffSpending(a: Monthly<number>, b: Monthly<number>, list: ChangeList): void {
  const ids = changedKeys<LineId>(a, b);
  let count = 0;
  for (const line of ids) {
    const from = a[line];
    const to = b[line];
    for (let month = 1; month <= 12; month++) if ((from?.[month] ?? null) !== (to?.[month] ?? null)) count += 1;
  }
  list.addLater("spending-changed", count, (out) => {
    for (const line of ids) {
      const from = a[line];
      const to = b[line];
      for (let month = 1; month <= 12; month++) {
        const was = from?.[month] ?? null;
        const now = to?.[month] ?? null;
        if (was !== now) out.push({ kind: "spending-changed", line, month, from: was, to: now });
      }
    }
  });
}
