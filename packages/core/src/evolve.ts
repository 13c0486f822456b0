import { type Draft, produce } from "immer";
import { indicatorId, lineId } from "./codes.js";
import { DomainFailure } from "./errors.js";
import type { PlanEvent } from "./events/index.js";
import { createPlanDraft, entryDraft, finishPlanDraft, putEntry, removeEntry } from "./planDraft.js";
import { type PlanState, initialState } from "./state.js";

const emptyRow = () => ({});

function notApplicable(event: PlanEvent, why: string): never {
  throw new DomainFailure({ code: "EVENT_NOT_APPLICABLE", message: `${event.type}: ${why}`, path: ["data"] });
}

/**
 * Applies one event to a draft in place. It is the only place that knows how a fact changes
 * the plan; `evolve` and `replay` wrap it so a whole log can be folded inside one draft.
 * An event that refers to something that does not exist cannot have been decided, so it
 * throws (EVENT_NOT_APPLICABLE) instead of being silently dropped.
 *
 * It works on an immer draft and on a plan draft (createPlanDraft) alike, because it reaches
 * into a record only through putEntry, entryDraft and removeEntry, changes an entry one level
 * deep at most (a nested object, like the targets, is replaced) and replaces the plan header.
 */
export function applyEvent(state: Draft<PlanState>, event: PlanEvent): void {
  switch (event.type) {
    case "PlanDrafted": {
      const { unit, agency, year, ceiling, title } = event.data;
      state.plan = title === undefined ? { unit, agency, year, ceiling } : { unit, agency, year, ceiling, title };
      break;
    }
    case "CeilingRevised": {
      if (!state.plan) notApplicable(event, "no plan drafted");
      state.plan = { ...state.plan, ceiling: event.data.ceiling };
      break;
    }
    case "ObjectiveDefined": {
      const { code, name, number } = event.data;
      putEntry(state, "objectives", code, number === undefined ? { code, name } : { code, name, number });
      break;
    }
    case "ObjectiveRenamed": {
      if (!state.objectives[event.data.code]) notApplicable(event, `unknown objective ${event.data.code}`);
      entryDraft(state, "objectives", event.data.code).name = event.data.name;
      break;
    }
    case "IndicatorDefined": {
      const d = event.data;
      const id = indicatorId(d.objective, d.code);
      if (!state.objectives[d.objective]) notApplicable(event, `unknown objective ${d.objective}`);
      putEntry(state, "indicators", id, {
        id,
        objective: d.objective,
        code: d.code,
        name: d.name,
        unit: d.unit,
        direction: d.direction,
        shape: d.shape,
        targets: Array(12).fill(null),
      });
      break;
    }
    case "IndicatorRenamed": {
      if (!state.indicators[event.data.indicator]) notApplicable(event, `unknown indicator ${event.data.indicator}`);
      entryDraft(state, "indicators", event.data.indicator).name = event.data.name;
      break;
    }
    case "TargetSet": {
      if (!state.indicators[event.data.indicator]) notApplicable(event, `unknown indicator ${event.data.indicator}`);
      const indicator = entryDraft(state, "indicators", event.data.indicator);
      const targets = [...indicator.targets];
      targets[event.data.month - 1] = event.data.value;
      indicator.targets = targets;
      break;
    }
    case "TargetsSet": {
      if (!state.indicators[event.data.indicator]) notApplicable(event, `unknown indicator ${event.data.indicator}`);
      entryDraft(state, "indicators", event.data.indicator).targets = [...event.data.values];
      break;
    }
    case "BudgetLineRegistered": {
      const { output, component, subComponent, pagu } = event.data;
      const id = lineId(output.code, component.code, subComponent.code);
      putEntry(state, "lines", id, { id, output: { ...output }, component: { ...component }, subComponent: { ...subComponent }, pagu });
      break;
    }
    case "BudgetRevised": {
      if (!state.lines[event.data.line]) notApplicable(event, `unknown budget line ${event.data.line}`);
      entryDraft(state, "lines", event.data.line).pagu = event.data.pagu;
      break;
    }
    case "ContributionAllocated": {
      const { indicator, line, amount } = event.data;
      if (!state.indicators[indicator]) notApplicable(event, `unknown indicator ${indicator}`);
      if (!state.lines[line]) notApplicable(event, `unknown budget line ${line}`);
      if (amount > 0) {
        entryDraft(state, "contributions", indicator, emptyRow)[line] = amount;
      } else if (state.contributions[indicator]?.[line] !== undefined) {
        const row = entryDraft(state, "contributions", indicator);
        delete row[line];
        if (Object.keys(row).length === 0) removeEntry(state, "contributions", indicator);
      }
      break;
    }
    case "PlanSigned": {
      state.signature = { ...event.data };
      break;
    }
    case "RealisationReported": {
      const { indicator, month, ...report } = event.data;
      if (!state.indicators[indicator]) notApplicable(event, `unknown indicator ${indicator}`);
      entryDraft(state, "realisations", indicator, emptyRow)[month] = report;
      break;
    }
    case "SpendingReported": {
      const { line, month, amount } = event.data;
      if (!state.lines[line]) notApplicable(event, `unknown budget line ${line}`);
      entryDraft(state, "spending", line, emptyRow)[month] = amount;
      break;
    }
    default: {
      const unknown: never = event;
      throw new DomainFailure({ code: "EVENT_UNKNOWN", message: `unknown event ${JSON.stringify(unknown)}`, path: ["type"] });
    }
  }
  state.eventCount += 1;
}

/**
 * The next state after one event, through immer: the input is never mutated, the result is
 * frozen and shares every part the event did not touch. For folding many events at once,
 * `replay` is the fast path; the properties check that the two always agree.
 */
export function evolve(state: PlanState, event: PlanEvent): PlanState {
  return produce(state, (draft) => applyEvent(draft, event));
}

/**
 * Folds events onto a state (the initial state by default) inside a single draft: the same
 * result as evolving one by one, without a frozen intermediate state per event. The draft is a
 * plan draft, plain objects frozen once at the end (several times faster than immer's proxies).
 */
export function replay(events: Iterable<PlanEvent>, from: PlanState = initialState()): PlanState {
  const draft = createPlanDraft(from);
  let applied = 0;
  for (const event of events) {
    applyEvent(draft, event);
    applied += 1;
  }
  // Like immer's produce, nothing applied gives back the very state it started from (frozen).
  return finishPlanDraft(applied === 0 ? (from as Draft<PlanState>) : draft);
}
