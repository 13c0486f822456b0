import type { Cell } from "./rows.js";

/** A code and a name that a page-break fragment may still lengthen. */
export interface MutableNamed {
  readonly code: string;
  name: string;
}

export interface IndicatorEntry {
  readonly kind: "indicator";
  readonly line: number;
  readonly page: number;
  readonly indicator: MutableNamed & { readonly targets: readonly Cell[]; readonly budget: Cell };
}

export interface ObjectiveEntry {
  readonly kind: "objective";
  readonly line: number;
  readonly page: number;
  readonly number: number;
  readonly objective: MutableNamed;
  readonly indicator?: IndicatorEntry["indicator"];
}

export interface BudgetEntry {
  readonly kind: "budget";
  readonly line: number;
  readonly page: number;
  readonly number: number;
  readonly output: MutableNamed;
  readonly component: MutableNamed;
  readonly subComponent: MutableNamed;
  readonly pagu: number;
  readonly contribution: number;
}

/** A data row of the table: an objective (with its first indicator), an indicator, or a budget row. */
export type Entry = ObjectiveEntry | IndicatorEntry | BudgetEntry;

/** Text at the top of a page, before its first data row: the rest of a cell cut by the page break. */
export interface Fragment {
  readonly line: number;
  readonly page: number;
  readonly cells: readonly Cell[];
}
