import { type PlanState, indicatorBudget } from "@rapk/core";
import type { Change, PlanDiff } from "@rapk/history";

/** A changed cell of the document: what it held in the older version and what it holds now. */
export interface Highlight {
  readonly from: number | string | null;
  readonly to: number | string | null;
}

/** Changed cells by key (see `cell`); a key present with from = null marks an added row. */
export type Highlights = ReadonlyMap<string, Highlight>;

/** The keys of the document's cells, shared by the highlighter and the document view. */
export const cell = {
  target: (indicator: string, month: number) => `target:${indicator}:${month}`,
  budget: (indicator: string) => `budget:${indicator}`,
  indicatorName: (indicator: string) => `indicator:${indicator}`,
  objectiveName: (objective: string) => `objective:${objective}`,
  pagu: (line: string) => `pagu:${line}`,
  contribution: (indicator: string, line: string) => `contribution:${indicator}:${line}`,
  ceiling: () => "ceiling",
  signature: () => "signature",
};

/**
 * The document cells a diff touches. The indicator's budget (ANGGARAN) is derived from its
 * contributions, so it is compared between the two states rather than read from the diff.
 */
export function highlightsOf(diff: PlanDiff, before: PlanState, after: PlanState): Highlights {
  const out = new Map<string, Highlight>();
  const added: Highlight = { from: null, to: null };
  for (const change of diff.changes as readonly Change[]) {
    switch (change.kind) {
      case "target-changed":
        out.set(cell.target(change.indicator, change.month), { from: change.from, to: change.to });
        break;
      case "pagu-changed":
        out.set(cell.pagu(change.line), { from: change.from, to: change.to });
        break;
      case "contribution-changed":
        out.set(cell.contribution(change.indicator, change.line), { from: change.from, to: change.to });
        break;
      case "ceiling-changed":
        out.set(cell.ceiling(), { from: change.from, to: change.to });
        break;
      case "indicator-renamed":
        out.set(cell.indicatorName(change.indicator), { from: change.from, to: change.to });
        break;
      case "objective-renamed":
        out.set(cell.objectiveName(change.objective), { from: change.from, to: change.to });
        break;
      case "indicator-added":
        out.set(cell.indicatorName(change.indicator), added);
        break;
      case "objective-added":
        out.set(cell.objectiveName(change.objective), added);
        break;
      case "signature-changed":
        out.set(cell.signature(), added);
        break;
      default:
        break;
    }
  }
  for (const { id: indicator } of Object.values(after.indicators)) {
    const from = before.indicators[indicator] ? indicatorBudget(before, indicator) : null;
    const to = indicatorBudget(after, indicator);
    if (from !== null && from !== to) out.set(cell.budget(indicator), { from, to });
  }
  return out;
}
