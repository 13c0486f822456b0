import type { ErrorCode, Finding, PlanCommand, PlanState } from "@rapk/core";

/**
 * Something the importer noticed and reported instead of guessing (core's Finding): a name
 * joined across a page break, a contribution it could not attribute, a blank target. `line` is
 * the 1-based line of the source (`page` where the text marks pages); `subject` is the indicator
 * id (`05.01`) or budget line id (`DR.3165.BKB.001.052.A`) it is about, when there is one;
 * `message` says it in plain words, in Indonesian (`id`) and English (`en`).
 */
export type { Finding };

/** Why an import produced nothing: a stable code, a message for people, and the source line when there is one. */
export interface ImportError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly line?: number;
}

/**
 * What an import gives: the commands of one `draft` batch (ending with `signPlan` when the
 * source is signed), the findings, and the state those commands make; or an error.
 */
export type ImportResult = (ImportSuccess & { readonly findings: Finding[] }) | { readonly ok: false; readonly error: ImportError; readonly findings: Finding[] };

/** An import that gave a plan, before its findings are added. */
export interface ImportSuccess {
  readonly ok: true;
  readonly commands: PlanCommand[];
  readonly state: PlanState;
}

/** The source formats the importer reads: the text of a published RAPK table, or the CSV template. */
export type ImportFormat = "table" | "csv";

export interface ImportOptions {
  /** Omitted: sniffed from the text. */
  readonly format?: ImportFormat;
}
