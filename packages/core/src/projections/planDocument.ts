import type { BudgetLine, Indicator, Objective, Plan, PlanState, Signature } from "../state.js";
import type { Message } from "../metadata.js";
import { indicatorBudget } from "./indicatorBudget.js";
import { budgetGap } from "./statedGap.js";
import { documentOrder } from "./documentOrder.js";

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

/** The plan laid out as the published document reads: objectives, their indicators, budget rows, Total, signature, in the document's order. */
export interface PlanDocument {
  readonly plan: Plan | null;
  readonly objectives: readonly DocumentObjective[];
  readonly ceiling: number;
  readonly signature: Signature | null;
}

/**
 * Projects the state into the order and shape of the published RAPK table: objectives, their
 * indicators and each indicator's budget rows in the document's order (see documentOrder), never
 * re-sorted by code.
 */
export function planDocument(state: PlanState): PlanDocument {
  const objectives = documentOrder(state).map(({ objective, indicators }) => ({
    ...objective,
    indicators: indicators.map((indicator) => {
      const row = state.contributions[indicator.id] ?? {};
      const contributions: DocumentContribution[] = [];
      for (const [line, amount] of Object.entries(row)) {
        const registered = state.lines[line];
        if (registered !== undefined) contributions.push({ line: registered, amount });
      }
      const budget = indicatorBudget(state, indicator.id);
      return { ...indicator, budget, budgetGap: budgetGap(indicator.statedBudget, budget), contributions };
    }),
  }));
  return { plan: state.plan, objectives, ceiling: state.plan?.ceiling ?? 0, signature: state.signature };
}
