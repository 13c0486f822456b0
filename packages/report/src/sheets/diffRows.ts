import { type Change, type ChangeValueFormat, type PlanDiff, changeCells } from "@rapk/history";

/** How a row's before and after are written: Rupiah, a measured value (target, realisation), or text. */
export type ValueFormat = ChangeValueFormat;

/** One change as a spreadsheet row: subject, before, after and (for figures) the change, as numbers. */
export interface DiffRow {
  readonly kind: Change["kind"];
  /** What the change is about, as the document names it: `01.05`, `DR.3165.QIC.004.053.A`, `01.07 B03`, `01.05 <- DR.3165.QIC.004.053.A`. */
  readonly subject: string;
  readonly format: ValueFormat;
  /** null is none (no line, no report, a blank target cell). */
  readonly before: number | string | null;
  readonly after: number | string | null;
  /** after - before for figures where both exist; null otherwise. */
  readonly change: number | null;
}

/** Each change of a diff as one row, in the diff's order (the document's): history's changeCells, with the difference. */
export function diffRows(diff: PlanDiff): DiffRow[] {
  return diff.changes.map((c): DiffRow => {
    const { subject, format, before, after } = changeCells(c);
    const change = typeof before === "number" && typeof after === "number" ? after - before : null;
    return { kind: c.kind, subject, format, before, after, change };
  });
}
