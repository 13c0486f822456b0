import type { PlanCommand } from "@rapk/core";
import { type DomainError, type PlanEvent, type PlanState, decideBatch, stateAfter, planCommand } from "@rapk/core";
import type { EdgeStep, Scenario, Step } from "./arbitraries.js";

export interface Entry {
  readonly before: PlanState;
  readonly commands: readonly PlanCommand[];
  readonly kind: Step["kind"];
  readonly result: { ok: true; value: PlanEvent[] } | { ok: false; error: DomainError };
  readonly after: PlanState;
}

export interface Trace {
  /** The state the steps start from. */
  readonly start: PlanState;
  /** Every event accepted, setup included, in order. */
  readonly events: readonly PlanEvent[];
  readonly entries: readonly Entry[];
}

const sortedKeys = (record: object) => Object.keys(record).sort();
const pickOf = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

function allocatedOn(state: PlanState, line: string, except?: string): number {
  let total = 0;
  for (const [indicator, row] of Object.entries(state.contributions)) if (indicator !== except) total += row[line] ?? 0;
  return total;
}

/** Turns a step that aims at an edge into the commands that hit it in this state. */
export function materialise(edge: EdgeStep, state: PlanState): PlanCommand[] {
  const lines = sortedKeys(state.lines);
  const indicators = sortedKeys(state.indicators);
  const line = "linePick" in edge ? pickOf(lines, edge.linePick) : undefined;
  const clamp = (n: number) => Math.max(0, n);
  switch (edge.edge) {
    case "allocate": {
      const indicator = pickOf(indicators, edge.indicatorPick);
      if (!line || !indicator) return [];
      const room = state.lines[line]!.pagu - allocatedOn(state, line, indicator);
      return [planCommand("allocateContribution", { indicator, line, amount: clamp(room + edge.delta) })];
    }
    case "spend": {
      if (!line) return [];
      const spentElsewhere = Object.entries(state.spending[line] ?? {}).reduce((sum, [m, a]) => (Number(m) === edge.month ? sum : sum + a), 0);
      return [planCommand("reportSpending", { line, month: edge.month, amount: clamp(state.lines[line]!.pagu - spentElsewhere + edge.delta) })];
    }
    case "ceiling": {
      const pagu = Object.values(state.lines).reduce((sum, l) => sum + l.pagu, 0);
      return [planCommand("reviseCeiling", { ceiling: clamp(pagu + edge.delta) })];
    }
    case "pagu": {
      if (!line) return [];
      return [planCommand("reviseBudget", { line, pagu: clamp(allocatedOn(state, line) + edge.delta) })];
    }
    case "cumulative": {
      const cumulative = indicators.filter((id) => state.indicators[id]!.shape === "cumulative");
      const indicator = pickOf(cumulative, edge.indicatorPick);
      if (!indicator) return [];
      const earlier = state.indicators[indicator]!.targets.slice(0, edge.month - 1).filter((t): t is number => t !== null);
      const floor = earlier.length ? Math.max(...earlier) : 0;
      return [planCommand("setTarget", { indicator, month: edge.month, value: clamp(Math.round((floor + edge.delta) * 100) / 100) })];
    }
    case "ratio": {
      const indicator = pickOf(indicators, edge.indicatorPick);
      if (!indicator) return [];
      const value = Math.max(0, (edge.numerator / edge.denominator) * 100 + edge.off);
      return [planCommand("reportRealisation", { indicator, month: edge.month, value, numerator: edge.numerator, denominator: edge.denominator })];
    }
    case "lowerAndReallocate": {
      if (!line) return [];
      const pagu = Math.floor((state.lines[line]!.pagu * edge.percent) / 100);
      const commands: PlanCommand[] = [planCommand("reviseBudget", { line, pagu })];
      if (edge.reallocate)
        for (const [indicator, row] of Object.entries(state.contributions))
          if (row[line] !== undefined) commands.push(planCommand("allocateContribution", { indicator, line, amount: Math.floor((row[line] * edge.percent) / 100) }));
      return commands;
    }
  }
}

const EVENT_OF: Record<string, PlanEvent["type"]> = {
  draftPlan: "PlanDrafted",
  defineObjective: "ObjectiveDefined",
  defineIndicator: "IndicatorDefined",
  setTargets: "TargetsSet",
  registerBudgetLine: "BudgetLineRegistered",
  allocateContribution: "ContributionAllocated",
  reportSpending: "SpendingReported",
  signPlan: "PlanSigned",
};

/** The events a generated plan's commands ask for (each command emits the event with its data). */
export function setupEvents(scenario: Scenario): PlanEvent[] {
  return scenario.setup.commands.map((c) => {
    const { type, data } = c as { type: string; data: unknown };
    return { type: EVENT_OF[type]!, data } as PlanEvent;
  });
}

/**
 * The generated plan, replayed straight from its events: deciding it costs more than the steps
 * themselves, and that it is accepted is a property of its own (see sound-plans.test.ts).
 */
export function setUp(scenario: Scenario): { state: PlanState; events: PlanEvent[] } {
  const events = setupEvents(scenario);
  return { state: stateAfter(events), events };
}

/** Runs the steps one after another from a state; a refused step leaves the state as it was. */
export function runSteps(start: PlanState, steps: readonly Step[], startEvents: readonly PlanEvent[] = []): Trace {
  const events = [...startEvents];
  const entries: Entry[] = [];
  let state = start;
  for (const step of steps) {
    const commands = "commands" in step ? step.commands : materialise(step.edgeStep, state);
    if (commands.length === 0) continue;
    const result = decideBatch(commands, state, step.kind === undefined ? {} : { kind: step.kind });
    const after = result.ok ? stateAfter(result.value, state) : state;
    if (result.ok) events.push(...result.value);
    entries.push({ before: state, commands, kind: step.kind, result, after });
    state = after;
  }
  return { start, events, entries };
}

export function run(scenario: Scenario): Trace {
  const { state, events } = setUp(scenario);
  return runSteps(state, scenario.steps, events);
}
