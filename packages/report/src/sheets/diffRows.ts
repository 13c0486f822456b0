import { monthCode } from "@rapk/core";
import type { Change, PlanDiff } from "@rapk/history";

/** How a row's before and after are written: Rupiah, a measured value (target, realisation), or text. */
export type ValueFormat = "rupiah" | "measure" | "text";

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

function row(kind: Change["kind"], subject: string, format: ValueFormat, before: number | string | null, after: number | string | null): DiffRow {
  const change = typeof before === "number" && typeof after === "number" ? after - before : null;
  return { kind, subject, format, before, after, change };
}

/** Each change of a diff as one row, in the diff's order (the document's). */
export function diffRows(diff: PlanDiff): DiffRow[] {
  return diff.changes.map((c): DiffRow => {
    switch (c.kind) {
      case "plan-changed":
        return row(c.kind, "plan", "text", c.from === null ? null : `${c.from.unit}, ${c.from.year}`, c.to === null ? null : `${c.to.unit}, ${c.to.year}`);
      case "ceiling-changed":
        return row(c.kind, "Total", "rupiah", c.from, c.to);
      case "objective-added":
      case "indicator-added":
        return row(c.kind, "objective" in c ? c.objective : c.indicator, "text", null, c.to.name);
      case "objective-removed":
      case "indicator-removed":
        return row(c.kind, "objective" in c ? c.objective : c.indicator, "text", c.from.name, null);
      case "objective-renamed":
      case "indicator-renamed":
        return row(c.kind, "objective" in c ? c.objective : c.indicator, "text", c.from, c.to);
      case "objective-renumbered":
        return row(c.kind, c.objective, "measure", c.from, c.to);
      case "indicator-redefined":
        return row(c.kind, `${c.indicator} ${c.field}`, "text", c.from, c.to);
      case "target-changed":
        return row(c.kind, `${c.indicator} ${monthCode(c.month)}`, "measure", c.from, c.to);
      case "line-added":
        return row(c.kind, c.line, "rupiah", null, c.to.pagu);
      case "line-removed":
        return row(c.kind, c.line, "rupiah", c.from.pagu, null);
      case "line-renamed":
        return row(c.kind, `${c.line} ${c.part}`, "text", c.from, c.to);
      case "pagu-changed":
        return row(c.kind, c.line, "rupiah", c.from, c.to);
      case "contribution-changed":
        return row(c.kind, `${c.indicator} <- ${c.line}`, "rupiah", c.from, c.to);
      case "realisation-changed":
        return row(c.kind, `${c.indicator} ${monthCode(c.month)}`, "measure", c.from?.value ?? null, c.to?.value ?? null);
      case "spending-changed":
        return row(c.kind, `${c.line} ${monthCode(c.month)}`, "rupiah", c.from, c.to);
      case "signature-changed": {
        const signed = (s: typeof c.from) => (s === null ? null : `${s.place}, ${s.date}${s.name ? `, ${s.name}` : ""}`);
        return row(c.kind, "signature", "text", signed(c.from), signed(c.to));
      }
    }
  });
}
