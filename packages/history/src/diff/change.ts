import type { BudgetLine, Indicator, IndicatorId, LineId, Objective, Plan, Realisation, Signature } from "@rapk/core";

/** One difference between two plan states. Each kind carries what it needs to be applied again. */
export type Change =
  /** The plan's header (unit, agency, year, title) or its existence changed; `to` is the whole new header. */
  | { readonly kind: "plan-changed"; readonly from: Plan | null; readonly to: Plan | null }
  /** The unit's total ceiling (pagu total) changed, the plan existing on both sides. */
  | { readonly kind: "ceiling-changed"; readonly from: number; readonly to: number }
  | { readonly kind: "objective-added"; readonly objective: string; readonly to: Objective }
  | { readonly kind: "objective-removed"; readonly objective: string; readonly from: Objective }
  | { readonly kind: "objective-renamed"; readonly objective: string; readonly from: string; readonly to: string }
  /** The display number (the `1.` of the document) changed; null when there is none. */
  | { readonly kind: "objective-renumbered"; readonly objective: string; readonly from: number | null; readonly to: number | null }
  /** An indicator appears, with its targets; its contributions and realisations are changes of their own. */
  | { readonly kind: "indicator-added"; readonly indicator: IndicatorId; readonly to: Indicator }
  | { readonly kind: "indicator-removed"; readonly indicator: IndicatorId; readonly from: Indicator }
  | { readonly kind: "indicator-renamed"; readonly indicator: IndicatorId; readonly from: string; readonly to: string }
  /** Unit, direction or target shape differ (only between two different plans: no command changes them). */
  | { readonly kind: "indicator-redefined"; readonly indicator: IndicatorId; readonly field: IndicatorField; readonly from: string; readonly to: string }
  /** One target cell (month 1..12, B01..B12); null is a blank cell. */
  | { readonly kind: "target-changed"; readonly indicator: IndicatorId; readonly month: number; readonly from: number | null; readonly to: number | null }
  | { readonly kind: "line-added"; readonly line: LineId; readonly to: BudgetLine }
  | { readonly kind: "line-removed"; readonly line: LineId; readonly from: BudgetLine }
  /** The wording of the output (RO), component or sub-component of a line differs. */
  | { readonly kind: "line-renamed"; readonly line: LineId; readonly part: LinePart; readonly from: string; readonly to: string }
  | { readonly kind: "pagu-changed"; readonly line: LineId; readonly from: number; readonly to: number }
  /** What a line contributes to an indicator (kontribusi); 0 is no contribution. */
  | { readonly kind: "contribution-changed"; readonly indicator: IndicatorId; readonly line: LineId; readonly from: number; readonly to: number }
  /** The realisation of an indicator in a month; null is none reported. */
  | { readonly kind: "realisation-changed"; readonly indicator: IndicatorId; readonly month: number; readonly from: Realisation | null; readonly to: Realisation | null }
  /** Spending on a line in a month; null is none reported (which is not a reported 0). */
  | { readonly kind: "spending-changed"; readonly line: LineId; readonly month: number; readonly from: number | null; readonly to: number | null }
  | { readonly kind: "signature-changed"; readonly from: Signature | null; readonly to: Signature | null };

export type ChangeKind = Change["kind"];
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

export const INDICATOR_FIELDS = ["unit", "direction", "shape"] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export const LINE_PARTS = ["output", "component", "subComponent"] as const;
export type LinePart = (typeof LINE_PARTS)[number];

/**
 * The order changes are listed in: the plan, then objectives, indicators, targets, budget lines,
 * attribution, reports and the signature, the order of the document itself. Within a kind,
 * changes are sorted by id (indicator or line id, then line id or month).
 */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  "plan-changed",
  "ceiling-changed",
  "objective-added",
  "objective-removed",
  "objective-renamed",
  "objective-renumbered",
  "indicator-added",
  "indicator-removed",
  "indicator-renamed",
  "indicator-redefined",
  "target-changed",
  "line-added",
  "line-removed",
  "line-renamed",
  "pagu-changed",
  "contribution-changed",
  "realisation-changed",
  "spending-changed",
  "signature-changed",
];

/** How much money a diff moves between budget lines; see docs/history.md, "Rupiah moved". */
export interface DiffSummary {
  /** Number of changes of each kind that occurs (kinds that do not occur are absent), in {@link CHANGE_KINDS} order. */
  readonly counts: Readonly<Record<string, number>>;
  /** The larger of `paguIncrease` and `paguDecrease`: money shifted between lines is counted once. */
  readonly rupiahMoved: number;
  /** Sum of the pagu increases over all lines (a line added counts with its whole pagu). */
  readonly paguIncrease: number;
  /** Sum of the pagu decreases over all lines (a line removed counts with its whole pagu). */
  readonly paguDecrease: number;
}

/** The differences from one plan state to another, in a deterministic order, and their summary. */
export interface PlanDiff {
  readonly changes: readonly Change[];
  readonly summary: DiffSummary;
}
