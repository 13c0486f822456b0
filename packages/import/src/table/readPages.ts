import { failAt } from "../failure.js";
import type { Noticed } from "../plan/noticed.js";
import { type Staged, after, staged } from "../plan/staged.js";
import { classify } from "./classify.js";
import type { Entry, Fragment } from "./entries.js";
import { type Header, NAME_ROLES, type Role, pageHeader, roleAt } from "./headers.js";
import { TOTAL } from "./patterns.js";
import { type Cell, type Row, filled } from "./rows.js";

export interface Page {
  readonly index: number;
  readonly header: Header;
}

/** The Total row: its line and the plan's ceiling. */
export interface Total {
  readonly line: number;
  readonly ceiling: number;
}

/** A fragment with the header whose columns say what its cells continue. */
export type HeadedFragment = Fragment & { readonly header: Header };

/** The table read line by line: title block, data rows, page-start fragments, Total and closing lines. */
export interface Pages {
  readonly title: readonly Row[];
  readonly pages: readonly Page[];
  readonly entries: readonly Entry[];
  readonly fragments: readonly HeadedFragment[];
  readonly total: Total;
  readonly closing: readonly Row[];
}

/** Where the first pass is: the one state of its fold over the lines. */
type Phase =
  /** Above the first page header: the title block. */
  | { readonly kind: "title" }
  /** In the table, on `page`: its B01..B12 and budget headers once read, and whether a data row came yet. */
  | { readonly kind: "table"; readonly page: Page; readonly months?: readonly number[]; readonly budgetHeader?: Header; readonly hasData: boolean }
  /** Below the Total: the closing lines (the signature). */
  | { readonly kind: "closing"; readonly total: Total };

/** What one line gives the first pass, besides the next phase. */
type Read =
  | { readonly kind: "title" | "closing"; readonly row: Row }
  | { readonly kind: "page"; readonly page: Page }
  | { readonly kind: "entry"; readonly entry: Entry }
  | { readonly kind: "fragment"; readonly fragment: HeadedFragment }
  | { readonly kind: "finding"; readonly noticed: Noticed };

interface Step {
  readonly phase: Phase;
  readonly read?: Read;
}

const copy = (n: { code: string; name: string }) => ({ code: n.code, name: n.name });

/** One line of the table, given the phase: the next phase and what the line gives. */
function step(phase: Phase, row: Row): Step {
  if (phase.kind === "closing") return filled(row).length > 0 ? { phase, read: { kind: "closing", row } } : { phase };
  if (phase.kind === "title") {
    const header = pageHeader(row);
    if (header) {
      const page = { index: 0, header };
      return { phase: { kind: "table", page, hasData: false }, read: { kind: "page", page } };
    }
    return filled(row).length > 0 ? { phase, read: { kind: "title", row } } : { phase };
  }
  const found = classify(row, phase.months);
  const at = { line: row.line, page: phase.page.index };
  const data = (entry: Entry): Step => ({ phase: { ...phase, hasData: true }, read: { kind: "entry", entry } });
  // Text right after an objective or indicator row sits under the page header's columns: the
  // budget header above belongs to the previous indicator's rows.
  const named = (entry: Entry): Step => ({ phase: { ...phase, hasData: true, budgetHeader: undefined }, read: { kind: "entry", entry } });
  switch (found.kind) {
    case "blank":
      return { phase };
    case "pageHeader": {
      const page = { index: phase.page.index + 1, header: found.header };
      return { phase: { kind: "table", page, hasData: false }, read: { kind: "page", page } };
    }
    case "monthsHeader":
      return { phase: { ...phase, months: found.months } };
    case "budgetHeader":
      return { phase: { ...phase, budgetHeader: found.header } };
    case "objective": {
      const { number, objective, indicator } = found;
      return named({ kind: "objective", ...at, number, objective: copy(objective), ...(indicator ? { indicator: { ...indicator } } : {}) });
    }
    case "indicator":
      return named({ kind: "indicator", ...at, indicator: { ...found.indicator } });
    case "budget": {
      const { number, output, component, subComponent, pagu, contribution } = found;
      return data({ kind: "budget", ...at, number, output: copy(output), component: copy(component), subComponent: copy(subComponent), pagu, contribution });
    }
    case "total":
      return { phase: { kind: "closing", total: { line: row.line, ceiling: found.ceiling } } };
    case "text": {
      const header = phase.budgetHeader ?? phase.page.header;
      const first = found.cells[0] as Cell;
      // Total (or Jumlah) under a name column begins the end of a wrapped name; anywhere else it is a Total without its amount.
      if (TOTAL.test(first.text) && !NAME_ROLES.has(roleAt(header, first.col) as Role))
        failAt("TOTAL_UNREADABLE", row.line, `the ${first.text} row should hold exactly one amount, the plan's ceiling`);
      return { phase, read: { kind: "fragment", fragment: { ...at, cells: found.cells, header, ...(phase.hasData ? { within: true as const } : {}) } } };
    }
  }
}

/**
 * First pass over the table, a fold over its lines: classifies each line by what its cells hold.
 * Text with no row number or code is kept as a fragment for the page-break pass, which joins it to
 * the cell it continues or reports it (resolvePageBreaks): never dropped silently.
 */
export function readPages(rows: readonly Row[]): Staged<Pages> {
  const title: Row[] = [];
  const pages: Page[] = [];
  const entries: Entry[] = [];
  const fragments: HeadedFragment[] = [];
  const closing: Row[] = [];
  const findings: Noticed[] = [];
  let phase: Phase = { kind: "title" };
  for (const row of rows) {
    const next = after(findings, () => step(phase, row));
    phase = next.phase;
    const read = next.read;
    if (read?.kind === "title") title.push(read.row);
    else if (read?.kind === "closing") closing.push(read.row);
    else if (read?.kind === "page") pages.push(read.page);
    else if (read?.kind === "entry") entries.push(read.entry);
    else if (read?.kind === "fragment") fragments.push(read.fragment);
    else if (read?.kind === "finding") findings.push(read.noticed);
  }
  if (phase.kind === "title")
    failAt("TABLE_NOT_FOUND", undefined, "no RAPK table was found: no line holds the header cells SASARAN KEGIATAN / INDIKATOR KINERJA KEGIATAN", findings);
  if (phase.kind !== "closing") failAt("TOTAL_MISSING", rows.length, "the table has no Total row, so the plan's ceiling is unknown (it is never computed from the rows)", findings);
  return staged({ title, pages, entries, fragments, total: phase.total, closing }, findings);
}
