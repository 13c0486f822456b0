import type { BudgetLine, Indicator, Objective, Plan, PlanState, Signature } from "../state.js";
import type { Message } from "../metadata.js";
import { indicatorBudget } from "./indicatorBudget.js";
import { budgetGap } from "./statedGap.js";

export interface DocumentContribution {
  readonly line: BudgetLine;
  readonly amount: number;
}

export interface DocumentIndicator extends Indicator {
  /** ANGGARAN: the sum of the contributions below. */
  readonly budget: number;
  /** Why the ANGGARAN the document prints (`statedBudget`) differs from `budget`; null when they agree or none is printed. */
  readonly budgetGap: Message | null;
  readonly contributions: readonly DocumentContribution[];
}

export interface DocumentObjective extends Objective {
  readonly indicators: readonly DocumentIndicator[];
}

/** The plan laid out as the published document reads: objectives, their indicators, budget rows, Total, signature. */
export interface PlanDocument {
  readonly plan: Plan | null;
  readonly objectives: readonly DocumentObjective[];
  readonly ceiling: number;
  readonly signature: Signature | null;
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, "en");

/** Projects the state into the order and shape of the published RAPK table. */
export function planDocument(state: PlanState): PlanDocument {
  const indicators = Object.values(state.indicators);
  const objectives = Object.values(state.objectives)
    .sort(byCode)
    .map((objective) => ({
      ...objective,
      indicators: indicators
        .filter((indicator) => indicator.objective === objective.code)
        .sort(byCode)
        .map((indicator) => {
          const row = state.contributions[indicator.id] ?? {};
          const contributions = Object.entries(row)
            .map(([line, amount]) => ({ line: state.lines[line]!, amount }))
            .filter((c) => c.line !== undefined)
            .sort((a, b) => a.line.id.localeCompare(b.line.id, "en"));
          const budget = indicatorBudget(state, indicator.id);
          return { ...indicator, budget, budgetGap: budgetGap(indicator.statedBudget, budget), contributions };
        }),
    }));
  return { plan: state.plan, objectives, ceiling: state.plan?.ceiling ?? 0, signature: state.signature };
}
