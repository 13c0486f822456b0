import type { Direction, IndicatorUnit, TargetShape } from "./events/index.js";

export interface Plan {
  readonly unit: string;
  readonly agency: string;
  readonly year: number;
  /** The unit's whole budget ceiling (Total), in Rupiah. */
  readonly ceiling: number;
  readonly title?: string;
  /** The Total as the document prints it (absent: none stated); the ceiling and the lines' pagu are kept apart from it. */
  readonly statedTotal?: number;
}

export interface Objective {
  readonly code: string;
  readonly name: string;
  readonly number?: number;
  /**
   * Its place among the objectives, 0 for the first defined: the order the document prints them
   * in (and a plan built by commands defines them in). Kept because codes like `11` are array-index
   * keys, which a JavaScript record lists before `01` whatever order they were put in.
   */
  readonly position: number;
}

export interface Indicator {
  /** `objective.code`, e.g. `01.07`. */
  readonly id: string;
  readonly objective: string;
  readonly code: string;
  readonly name: string;
  readonly unit: IndicatorUnit;
  readonly direction: Direction;
  readonly shape: TargetShape;
  /** B01..B12; null is a blank cell, which is not 0. */
  readonly targets: readonly (number | null)[];
  /** ANGGARAN as the document prints it (absent: none printed); the budget itself is derived from the contributions. */
  readonly statedBudget?: number;
}

export interface Coded {
  readonly code: string;
  readonly name: string;
}

export interface BudgetLine {
  /** RO.komponen.sub komponen, e.g. `DR.3165.QIA.005.053.A`. */
  readonly id: string;
  readonly output: Coded;
  readonly component: Coded;
  readonly subComponent: Coded;
  readonly pagu: number;
}

export interface Realisation {
  readonly value: number;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly note?: string;
  /** Hambatan: what held the indicator back. */
  readonly obstacles?: string;
  /** Rencana tindak lanjut: what the unit will do about it. */
  readonly followUp?: string;
}

export interface Signature {
  readonly place: string;
  readonly date: string;
  readonly name: string | null;
  readonly title: string;
}

/**
 * The plan as its events make it. Everything derivable (an indicator's budget, a line's
 * allocation, absorption) is computed by projections, never stored twice.
 */
export interface PlanState {
  readonly plan: Plan | null;
  /** code -> objective; their order is `position` (see documentOrder). */
  readonly objectives: Readonly<Record<string, Objective>>;
  /** id -> indicator, in the order they were defined (ids like `01.07` keep a record's insertion order). */
  readonly indicators: Readonly<Record<string, Indicator>>;
  /** id -> line, in the order they were registered. */
  readonly lines: Readonly<Record<string, BudgetLine>>;
  /** indicator id -> line id -> amount (> 0), each row in the order its contributions were first allocated (the document's budget rows). */
  readonly contributions: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** indicator id -> month (1..12) -> latest report. */
  readonly realisations: Readonly<Record<string, Readonly<Record<number, Realisation>>>>;
  /** line id -> month (1..12) -> amount spent in that month. */
  readonly spending: Readonly<Record<string, Readonly<Record<number, number>>>>;
  readonly signature: Signature | null;
  /** How many events made this state. */
  readonly eventCount: number;
}

/** The state before any event: no plan yet. */
export function initialState(): PlanState {
  return {
    plan: null,
    objectives: {},
    indicators: {},
    lines: {},
    contributions: {},
    realisations: {},
    spending: {},
    signature: null,
    eventCount: 0,
  };
}
