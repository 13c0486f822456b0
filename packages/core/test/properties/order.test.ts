import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PlanCommand, achievement, budgetSummary, decideBatch, initialState, planCommand, planDocument, replay } from "@rapk/core";
import { LINES, PROPERTY_TIMEOUT, lineParts, runs } from "./arbitraries.js";

// Codes from 10 up are array-index keys, which a JavaScript record lists first and in numeric
// order whatever order they were put in: the pool mixes them with codes that are not.
const OBJECTIVE_CODES = ["01", "03", "09", "10", "11", "42", "007", "100"] as const;
const INDICATOR_CODES = ["01", "02", "07", "12"] as const;

interface OrderedPlan {
  readonly objectives: readonly string[];
  readonly indicators: readonly string[];
  readonly lines: readonly string[];
  readonly contributions: readonly { readonly indicator: string; readonly line: string }[];
}

/** A plan built by commands in a random order: objectives, indicators, lines and budget rows each shuffled. */
const orderedPlan = fc
  .shuffledSubarray([...OBJECTIVE_CODES], { minLength: 1 })
  .chain((objectives) =>
    fc.record({
      objectives: fc.constant(objectives),
      indicators: fc.shuffledSubarray(
        objectives.flatMap((o) => INDICATOR_CODES.map((c) => `${o}.${c}`)),
        { minLength: 1, maxLength: Math.min(12, objectives.length * INDICATOR_CODES.length) },
      ),
      lines: fc.shuffledSubarray([...LINES], { minLength: 1 }),
    }),
  )
  .chain((plan): fc.Arbitrary<OrderedPlan> => {
    const pairs = plan.indicators.flatMap((indicator) => plan.lines.map((line) => ({ indicator, line })));
    return fc.shuffledSubarray(pairs, { maxLength: Math.min(20, pairs.length) }).map((contributions) => ({ ...plan, contributions }));
  });

function commandsOf(plan: OrderedPlan): PlanCommand[] {
  const pagu = 1_000_000_000;
  const commands: PlanCommand[] = [
    planCommand("draftPlan", { unit: "Loka POM", agency: "BPOM", year: 2024, ceiling: pagu * plan.lines.length }),
    ...plan.objectives.map((code) => (planCommand("defineObjective", { code, name: `Sasaran ${code}` }))),
    ...plan.indicators.map((id) => {
      const [objective, code] = id.split(".") as [string, string];
      return planCommand("defineIndicator", { objective, code, name: `Indikator ${id}`, unit: "percent", direction: "higher", shape: "constant" });
    }),
    ...plan.lines.map((id) => (planCommand("registerBudgetLine", { ...lineParts(id), pagu }))),
    ...plan.contributions.map(({ indicator, line }, k) => (planCommand("allocateContribution", { indicator, line, amount: 1_000 + k }))),
  ];
  return commands;
}

describe("document order", () => {
  it("is the order of the commands: objectives, their indicators, each indicator's budget rows and the budget lines, in every projection", () => {
    fc.assert(
      fc.property(orderedPlan, (plan) => {
        const decided = decideBatch(commandsOf(plan), initialState(), { kind: "draft" });
        expect(decided.ok).toBe(true);
        if (!decided.ok) return;
        const replayed = replay(decided.value);
        if (!replayed.ok) throw new Error(replayed.error.message);
        const state = replayed.value;
        const document = planDocument(state);

        // Expected orders straight from the commands, filtered, never sorted.
        const indicatorsOf = (objective: string) => plan.indicators.filter((id) => id.startsWith(`${objective}.`));
        expect(document.objectives.map((o) => o.code)).toEqual(plan.objectives);
        expect(document.objectives.map((o) => o.indicators.map((i) => i.id))).toEqual(plan.objectives.map(indicatorsOf));
        for (const objective of document.objectives)
          for (const indicator of objective.indicators)
            expect(indicator.contributions.map((c) => c.line.id), indicator.id).toEqual(plan.contributions.filter((c) => c.indicator === indicator.id).map((c) => c.line));
        expect(budgetSummary(state).lines.map((l) => l.id)).toEqual(plan.lines);
        expect(achievement(state).map((a) => a.indicator)).toEqual(plan.objectives.flatMap(indicatorsOf));
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);
});
