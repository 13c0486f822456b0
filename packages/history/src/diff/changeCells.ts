import { monthCode } from "@rapk/core";
import type { Change } from "./change.js";

/** How a change's values are figures: Rupiah, a measured value (a target, a realisation), or text. */
export type ChangeValueFormat = "rupiah" | "measure" | "text";

/**
 * One change as the cells every view shows (the CLI's table, the viewer's compare panel, the
 * spreadsheets): what it is about as the document names it, and its values before and after, as
 * figures where they are figures. null is none: no line, no report, a blank target cell.
 */
export interface ChangeCells {
  /** `plan`, `Total`, `01.05`, `DR.3165.QIC.004.053.A`, `01.07 B03`, `01.05 <- DR.3165.QIC.004.053.A`, `01.05 unit`. */
  readonly subject: string;
  readonly format: ChangeValueFormat;
  readonly before: number | string | null;
  readonly after: number | string | null;
}

const cells = (subject: string, format: ChangeValueFormat, before: number | string | null, after: number | string | null): ChangeCells => ({ subject, format, before, after });
const signed = (s: { place: string; date: string; name: string | null } | null) => (s === null ? null : `${s.place}, ${s.date}${s.name ? `, ${s.name}` : ""}`);
const header = (p: { unit: string; year: number } | null) => (p === null ? null : `${p.unit}, ${p.year}`);

/** The one rendering of a change; a new kind of change does not compile until it is rendered here. */
export function changeCells(c: Change): ChangeCells {
  switch (c.kind) {
    case "plan-changed":
      return cells("plan", "text", header(c.from), header(c.to));
    case "ceiling-changed":
      return cells("Total", "rupiah", c.from, c.to);
    case "objective-added":
      return cells(c.objective, "text", null, c.to.name);
    case "indicator-added":
      return cells(c.indicator, "text", null, c.to.name);
    case "objective-removed":
      return cells(c.objective, "text", c.from.name, null);
    case "indicator-removed":
      return cells(c.indicator, "text", c.from.name, null);
    case "objective-renamed":
      return cells(c.objective, "text", c.from, c.to);
    case "indicator-renamed":
      return cells(c.indicator, "text", c.from, c.to);
    case "objective-renumbered":
      return cells(c.objective, "measure", c.from, c.to);
    case "indicator-redefined":
      return cells(`${c.indicator} ${c.field}`, "text", c.from, c.to);
    case "target-changed":
      return cells(`${c.indicator} ${monthCode(c.month)}`, "measure", c.from, c.to);
    case "line-added":
      return cells(c.line, "rupiah", null, c.to.pagu);
    case "line-removed":
      return cells(c.line, "rupiah", c.from.pagu, null);
    case "line-renamed":
      return cells(`${c.line} ${c.part}`, "text", c.from, c.to);
    case "pagu-changed":
      return cells(c.line, "rupiah", c.from, c.to);
    case "contribution-changed":
      return cells(`${c.indicator} <- ${c.line}`, "rupiah", c.from, c.to);
    case "realisation-changed":
      return cells(`${c.indicator} ${monthCode(c.month)}`, "measure", c.from?.value ?? null, c.to?.value ?? null);
    case "spending-changed":
      return cells(`${c.line} ${monthCode(c.month)}`, "rupiah", c.from, c.to);
    case "signature-changed":
      return cells("signature", "text", signed(c.from), signed(c.to));
    default: {
      const unknown: never = c;
      throw new TypeError(`changeCells: unknown change ${JSON.stringify(unknown)}`);
    }
  }
}
