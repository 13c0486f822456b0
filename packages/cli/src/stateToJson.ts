import { type PlanState, type SpendingNote, budgetSummary, planDocument } from "@rapk/core";

/** A code and its wording, as the document prints them (`053 - Pengadaan sampel makanan`). */
export interface CodedJson {
  readonly code: string;
  readonly name: string;
}

export interface IndicatorJson {
  /** `objective.indicator`, e.g. `01.07`. */
  readonly id: string;
  readonly objective: string;
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly direction: string;
  readonly shape: string;
  /** B01..B12; null is a blank cell, which is not 0. */
  readonly targets: readonly (number | null)[];
  /** ANGGARAN: the sum of `contributions`. */
  readonly budget: number;
  /** ANGGARAN as the document prints it, kept beside `budget`; null where it prints none. */
  readonly statedBudget: number | null;
  readonly contributions: readonly { readonly line: string; readonly amount: number }[];
  readonly realisations: readonly RealisationJson[];
}

export interface RealisationJson {
  readonly month: number;
  readonly value: number;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly note?: string;
}

export interface LineJson {
  /** RO.komponen.sub komponen, e.g. `DR.3165.QIA.005.053.A`. */
  readonly id: string;
  readonly output: CodedJson;
  readonly component: CodedJson;
  readonly subComponent: CodedJson;
  readonly pagu: number;
  readonly allocated: number;
  readonly unallocated: number;
  /** KONTRIBUSI the document prints for the line on rows under no indicator (0: none); part of `unallocated`. */
  readonly unattributed: number;
  readonly spent: number;
  readonly spending: readonly ({ readonly month: number; readonly amount: number } & SpendingNote)[];
}

/** The plan as `rapk show --json` prints it; documented field by field in docs/json.md. */
export interface StateJson {
  readonly format: "rapk-state/1";
  /** The version of the log this state is at (0 = before anything), null when not from a log. */
  readonly version: number | null;
  /** How many events made this state. */
  readonly events: number;
  readonly plan: {
    readonly year: number;
    readonly unit: string;
    readonly agency: string;
    readonly title: string | null;
    readonly ceiling: number;
    /** The Total as the document prints it; null when none is stated. */
    readonly statedTotal: number | null;
  } | null;
  readonly signature: {
    readonly place: string;
    readonly date: string;
    readonly name: string | null;
    readonly title: string;
  } | null;
  readonly objectives: readonly {
    readonly code: string;
    readonly number: number | null;
    readonly name: string;
    readonly indicators: readonly string[];
  }[];
  readonly indicators: readonly IndicatorJson[];
  readonly lines: readonly LineJson[];
  readonly totals: {
    readonly ceiling: number;
    readonly pagu: number;
    readonly allocated: number;
    readonly unallocated: number;
    readonly unattributed: number;
    readonly spent: number;
  };
}

const byMonth = <T>(record: Readonly<Record<number, T>> | undefined): [number, T][] =>
  Object.entries(record ?? {})
    .map(([month, value]) => [Number(month), value] as [number, T])
    .sort((a, b) => a[0] - b[0]);

/**
 * Projects a plan state into plain, stable JSON: objectives, indicators, their budget rows and the
 * budget lines in the document's order (never re-sorted by code), every amount whole Rupiah as a
 * number, blank targets null.
 * Everything derivable (an indicator's budget, a line's allocation) is computed by core's
 * projections, so the JSON and the document can never disagree.
 */
export function stateToJson(state: PlanState, version: number | null = null): StateJson {
  const document = planDocument(state);
  const budget = budgetSummary(state);
  const indicators: IndicatorJson[] = document.objectives.flatMap((objective) =>
    objective.indicators.map((indicator) => ({
      id: indicator.id,
      objective: indicator.objective,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      shape: indicator.shape,
      targets: [...indicator.targets],
      budget: indicator.budget,
      statedBudget: indicator.statedBudget ?? null,
      contributions: indicator.contributions.map((c) => ({ line: c.line.id, amount: c.amount })),
      realisations: byMonth(state.realisations[indicator.id]).map(([month, r]) => ({ month, ...r })),
    })),
  );
  const lines: LineJson[] = budget.lines.map((summary) => {
    const line = state.lines[summary.id]!;
    return {
      id: line.id,
      output: { ...line.output },
      component: { ...line.component },
      subComponent: { ...line.subComponent },
      pagu: summary.pagu,
      allocated: summary.allocated,
      unallocated: summary.unallocated,
      unattributed: summary.unattributed,
      spent: summary.spent,
      spending: byMonth(state.spending[line.id]).map(([month, amount]) => ({ month, amount, ...state.spendingNotes[line.id]?.[month] })),
    };
  });
  const plan = state.plan;
  const signature = state.signature;
  return {
    format: "rapk-state/1",
    version,
    events: state.eventCount,
    plan: plan ? { year: plan.year, unit: plan.unit, agency: plan.agency, title: plan.title ?? null, ceiling: plan.ceiling, statedTotal: plan.statedTotal ?? null } : null,
    signature: signature ? { place: signature.place, date: signature.date, name: signature.name, title: signature.title } : null,
    objectives: document.objectives.map((o) => ({ code: o.code, number: o.number ?? null, name: o.name, indicators: o.indicators.map((i) => i.id) })),
    indicators,
    lines,
    totals: {
      ceiling: budget.ceiling,
      pagu: budget.pagu,
      allocated: budget.allocated,
      unallocated: budget.pagu - budget.allocated,
      unattributed: budget.unattributed,
      spent: budget.spent,
    },
  };
}
