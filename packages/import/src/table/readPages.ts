import { failAt } from "../failure.js";
import { type Noticed, notice } from "../plan/noticed.js";
import { classify } from "./classify.js";
import type { Entry, Fragment } from "./entries.js";
import { type Header, pageHeader } from "./headers.js";
import { type Row, filled } from "./rows.js";

export interface Page {
  readonly index: number;
  readonly header: Header;
}

/** The table read line by line: title block, data rows, page-start fragments, Total and closing lines. */
export interface Pages {
  readonly title: readonly Row[];
  readonly pages: readonly Page[];
  readonly entries: readonly Entry[];
  /** Fragments with the header whose columns say what their cells continue. */
  readonly fragments: readonly (Fragment & { readonly header: Header })[];
  readonly total: { readonly line: number; readonly ceiling: number };
  readonly closing: readonly Row[];
}

const excerpt = (row: Row) => filled(row).map((c) => c.text).join(" | ").slice(0, 120);

/**
 * First pass over the table: classifies each line by what its cells hold. Text at the top of a
 * page is kept as a fragment for the page-break pass; text anywhere else in the table cannot
 * be read as part of the plan and is reported (UNRECOGNISED_ROW), not dropped silently.
 */
export function readPages(rows: readonly Row[], findings: Noticed[]): Pages {
  const title: Row[] = [];
  const pages: Page[] = [];
  const entries: Entry[] = [];
  const fragments: (Fragment & { header: Header })[] = [];
  const closing: Row[] = [];
  let total: Pages["total"] | undefined;
  let months: readonly number[] | undefined;
  let budgetHeader: Header | undefined;
  let pageHasData = false;

  for (const row of rows) {
    if (total) {
      if (filled(row).length > 0) closing.push(row);
      continue;
    }
    const page = pages[pages.length - 1];
    if (!page) {
      // Before the table: the title block, read as text only.
      const header = pageHeader(row);
      if (header) pages.push({ index: 0, header });
      else if (filled(row).length > 0) title.push(row);
      continue;
    }
    const found = classify(row, months);
    const at = { line: row.line, page: page.index };
    switch (found.kind) {
      case "blank":
        break;
      case "pageHeader":
        pages.push({ index: pages.length, header: found.header });
        months = undefined;
        budgetHeader = undefined;
        pageHasData = false;
        break;
      case "monthsHeader":
        months = found.months;
        break;
      case "budgetHeader":
        budgetHeader = found.header;
        break;
      case "objective": {
        const { number, objective, indicator } = found;
        entries.push({ kind: "objective", ...at, number, objective: { code: objective.code, name: objective.name }, ...(indicator ? { indicator: { ...indicator } } : {}) });
        pageHasData = true;
        break;
      }
      case "indicator":
        entries.push({ kind: "indicator", ...at, indicator: { ...found.indicator } });
        pageHasData = true;
        break;
      case "budget": {
        const { number, output, component, subComponent, pagu, contribution } = found;
        const name = (n: { code: string; name: string }) => ({ code: n.code, name: n.name });
        entries.push({ kind: "budget", ...at, number, output: name(output), component: name(component), subComponent: name(subComponent), pagu, contribution });
        pageHasData = true;
        break;
      }
      case "total":
        total = { line: row.line, ceiling: found.ceiling };
        break;
      case "text":
        if (pageHasData)
          findings.push(notice("UNRECOGNISED_ROW", row.line, { where: "table", text: excerpt(row) }));
        else fragments.push({ ...at, cells: found.cells, header: budgetHeader ?? page.header });
        break;
    }
  }
  if (pages.length === 0)
    failAt("TABLE_NOT_FOUND", undefined, "no RAPK table was found: no line holds the header cells SASARAN KEGIATAN / INDIKATOR KINERJA KEGIATAN");
  if (!total) failAt("TOTAL_MISSING", rows.length, "the table has no Total row, so the plan's ceiling is unknown (it is never computed from the rows)");
  return { title, pages, entries, fragments, total, closing };
}
