import type { Cell } from "./rows.js";

/** A code and its name as a row writes them (a page-break fragment may lengthen the name: the page-break pass gives a new entry). */
export interface Named {
  readonly code: string;
  readonly name: string;
}

export interface IndicatorEntry {
  readonly kind: "indicator";
  readonly line: number;
  readonly page: number;
  readonly indicator: Named & { readonly targets: readonly Cell[]; readonly budget: Cell };
}

export interface ObjectiveEntry {
  readonly kind: "objective";
  readonly line: number;
  readonly page: number;
  readonly number: number;
  readonly objective: Named;
  readonly indicator?: IndicatorEntry["indicator"];
}

export interface BudgetEntry {
  readonly kind: "budget";
  readonly line: number;
  readonly page: number;
  readonly number: number;
  readonly output: Named;
  readonly component: Named;
  readonly subComponent: Named;
  readonly pagu: number;
  readonly contribution: number;
}

/** A data row of the table: an objective (with its first indicator), an indicator, or a budget row. */
export type Entry = ObjectiveEntry | IndicatorEntry | BudgetEntry;

/**
 * Text with no row number or code: at the top of a page, before its first data row, the rest of a
 * cell cut by the page break; `within` a page, after a data row, the rest of a cell that wrapped
 * onto a line of its own (a long indicator name).
 */
export interface Fragment {
  readonly line: number;
  readonly page: number;
  readonly cells: readonly Cell[];
  readonly within?: true;
}
