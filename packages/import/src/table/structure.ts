import type { IndicatorUnit, TargetShape } from "@rapk/core";

/** An objective as read: display number, code, name and its line. */
export interface ReadObjective {
  readonly number: number;
  readonly code: string;
  readonly name: string;
  readonly line: number;
}

export interface ReadIndicator {
  readonly id: string;
  readonly objective: string;
  readonly code: string;
  readonly name: string;
  readonly unit: IndicatorUnit;
  readonly shape: TargetShape;
  readonly targets: readonly (number | null)[];
  /** ANGGARAN as the source states it (null: blank); the plan derives its budget from the contributions. */
  readonly stated: number | null;
  readonly line: number;
}

export interface ReadLine {
  readonly id: string;
  readonly output: { code: string; name: string };
  readonly component: { code: string; name: string };
  readonly subComponent: { code: string; name: string };
  readonly pagu: number;
  readonly line: number;
}

export interface ReadContribution {
  readonly indicator: string;
  readonly line: string;
  readonly amount: number;
  readonly row: number;
}

export interface ReadUnattributed {
  readonly line: string;
  readonly amount: number;
  readonly row: number;
}

/** The plan's structure as the table gives it, before it becomes commands. */
export interface ReadStructure {
  readonly objectives: readonly ReadObjective[];
  readonly indicators: readonly ReadIndicator[];
  readonly lines: readonly ReadLine[];
  readonly contributions: readonly ReadContribution[];
  readonly unattributed: readonly ReadUnattributed[];
}
