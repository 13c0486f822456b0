import type { PlanCommand, PlanState } from "@rapk/core";

/**
 * Something the importer noticed and reported instead of guessing: a name joined across a page
 * break, a contribution it could not attribute, a blank target. `line` is the 1-based line of
 * the source; `subject` is the indicator id (`05.01`) or budget line id
 * (`DR.3165.BKB.001.052.A`) it is about, when there is one.
 */
export interface Finding {
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly subject?: string;
}

/** Why an import produced nothing: a stable code, a message for people, and the source line when there is one. */
export interface ImportError {
  readonly code: string;
  readonly message: string;
  readonly line?: number;
}

/**
 * What an import gives: the commands of one `draft` batch (ending with `signPlan` when the
 * source is signed), the findings, and the state those commands make; or an error.
 */
export type ImportResult =
  | { readonly ok: true; readonly commands: PlanCommand[]; readonly findings: Finding[]; readonly state: PlanState }
  | { readonly ok: false; readonly error: ImportError; readonly findings: Finding[] };

/** The source formats the importer reads: the text of a published RAPK table, or the CSV template. */
export type ImportFormat = "table" | "csv";

export interface ImportOptions {
  /** Omitted: sniffed from the text. */
  readonly format?: ImportFormat;
}
