import { type Draft, produce } from "immer";
import { indicatorId, lineId } from "./codes.js";
import { DomainFailure } from "./errors.js";
import type { PlanEvent } from "./events/index.js";
import { type PlanState, initialState } from "./state.js";

function notApplicable(event: PlanEvent, why: string): never {
  throw new DomainFailure({ code: "EVENT_NOT_APPLICABLE", message: `${event.type}: ${why}`, path: ["data"] });
}

/**
 * Applies one event to a draft in place. It is the only place that knows how a fact changes
 * the plan; `evolve` and `replay` wrap it so a whole log can be folded inside one draft.
 * An event that refers to something that does not exist cannot have been decided, so it
 * throws (EVENT_NOT_APPLICABLE) instead of being silently dropped.
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
      state.plan.ceiling = event.data.ceiling;
      break;
    }
    case "ObjectiveDefined": {
      const { code, name, number } = event.data;
      state.objectives[code] = number === undefined ? { code, name } : { code, name, number };
      break;
    }
    case "ObjectiveRenamed": {
      const objective = state.objectives[event.data.code];
      if (!objective) notApplicable(event, `unknown objective ${event.data.code}`);
      objective.name = event.data.name;
      break;
    }
    case "IndicatorDefined": {
      const d = event.data;
      const id = indicatorId(d.objective, d.code);
      if (!state.objectives[d.objective]) notApplicable(event, `unknown objective ${d.objective}`);
      state.indicators[id] = {
        id,
        objective: d.objective,
        code: d.code,
        name: d.name,
        unit: d.unit,
        direction: d.direction,
        shape: d.shape,
        targets: Array(12).fill(null),
      };
      break;
    }
    case "IndicatorRenamed": {
      const indicator = state.indicators[event.data.indicator];
      if (!indicator) notApplicable(event, `unknown indicator ${event.data.indicator}`);
      indicator.name = event.data.name;
      break;
    }
    case "TargetSet": {
      const indicator = state.indicators[event.data.indicator];
      if (!indicator) notApplicable(event, `unknown indicator ${event.data.indicator}`);
      indicator.targets[event.data.month - 1] = event.data.value;
      break;
    }
    case "TargetsSet": {
      const indicator = state.indicators[event.data.indicator];
      if (!indicator) notApplicable(event, `unknown indicator ${event.data.indicator}`);
      indicator.targets = [...event.data.values];
      break;
    }
    case "BudgetLineRegistered": {
      const { output, component, subComponent, pagu } = event.data;
      const id = lineId(output.code, component.code, subComponent.code);
      state.lines[id] = { id, output: { ...output }, component: { ...component }, subComponent: { ...subComponent }, pagu };
      break;
    }
    case "BudgetRevised": {
      const line = state.lines[event.data.line];
      if (!line) notApplicable(event, `unknown budget line ${event.data.line}`);
      line.pagu = event.data.pagu;
      break;
    }
    case "ContributionAllocated": {
      const { indicator, line, amount } = event.data;
      if (!state.indicators[indicator]) notApplicable(event, `unknown indicator ${indicator}`);
      if (!state.lines[line]) notApplicable(event, `unknown budget line ${line}`);
      const row = (state.contributions[indicator] ??= {});
      if (amount === 0) {
        delete row[line];
        if (Object.keys(row).length === 0) delete state.contributions[indicator];
      } else {
        row[line] = amount;
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
      (state.realisations[indicator] ??= {})[month] = report;
      break;
    }
    case "SpendingReported": {
      const { line, month, amount } = event.data;
      if (!state.lines[line]) notApplicable(event, `unknown budget line ${line}`);
      (state.spending[line] ??= {})[month] = amount;
      break;
    }
    default: {
      const unknown: never = event;
      throw new DomainFailure({ code: "EVENT_UNKNOWN", message: `unknown event ${JSON.stringify(unknown)}`, path: ["type"] });
    }
  }
  state.eventCount += 1;
}

/** The next state after one event. The input is never mutated; the result is frozen. */
export function evolve(state: PlanState, event: PlanEvent): PlanState {
  return produce(state, (draft) => applyEvent(draft, event));
}

/**
 * Folds events onto a state (the initial state by default) inside a single draft: the same
 * result as evolving one by one, without a frozen intermediate state per event.
 */
export function replay(events: Iterable<PlanEvent>, from: PlanState = initialState()): PlanState {
  return produce(from, (draft) => {
    for (const event of events) applyEvent(draft, event);
  });
}
