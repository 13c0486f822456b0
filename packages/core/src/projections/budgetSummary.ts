import { allocationByLine } from "../invariants.js";
import type { LineId } from "../codes.js";
import type { PlanState } from "../state.js";

export interface LineSummary {
  readonly id: LineId;
  readonly pagu: number;
  /** Sum of the contributions made from the line. */
  readonly allocated: number;
  readonly unallocated: number;
  /** KONTRIBUSI the document prints for the line on rows under no indicator (0: none); part of `unallocated`, not allocated to anyone. */
  readonly unattributed: number;
  /** Sum of the monthly spending reported on the line. */
  readonly spent: number;
  /** Penyerapan: spent / pagu, a ratio 0..1 (not money); null when the pagu is 0. */
  readonly absorption: number | null;
}

export interface BudgetSummary {
  readonly lines: readonly LineSummary[];
  readonly ceiling: number;
  readonly pagu: number;
  readonly allocated: number;
  /** The lines' `unattributed`, summed. */
  readonly unattributed: number;
  readonly spent: number;
}

/** Per budget line, in the order the lines were registered (the document's): pagu, allocated, unallocated, unattributed, spent and absorption; with totals. */
export function budgetSummary(state: PlanState, throughMonth = 12): BudgetSummary {
  const allocation = allocationByLine(state);
  const lines = Object.values(state.lines)
    .map((line) => {
      const allocated = allocation.get(line.id) ?? 0;
      let spent = 0;
      for (const [month, amount] of Object.entries(state.spending[line.id] ?? {})) if (Number(month) <= throughMonth) spent += amount;
      return { id: line.id, pagu: line.pagu, allocated, unallocated: line.pagu - allocated, unattributed: line.unattributed ?? 0, spent, absorption: line.pagu === 0 ? null : spent / line.pagu };
    });
  const total = (key: "pagu" | "allocated" | "unattributed" | "spent") => lines.reduce((sum, line) => sum + line[key], 0);
  return { lines, ceiling: state.plan?.ceiling ?? 0, pagu: total("pagu"), allocated: total("allocated"), unattributed: total("unattributed"), spent: total("spent") };
}
