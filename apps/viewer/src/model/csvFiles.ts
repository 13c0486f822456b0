import type { PlanState } from "@rapk/core";
import type { PlanDiff } from "@rapk/history";
import { exportCsv } from "@rapk/import";
import { diffCsv } from "@rapk/report";

/**
 * The CSV downloads, in a module the page loads only when one is asked for: the CSV writer
 * (papaparse) is not needed to open a plan, and the first load has a budget (100 kB gzipped).
 */
export const csvFiles = {
  /** The import template of a plan, which rapk reads back. */
  plan: (state: PlanState) => exportCsv(state),
  /** The changes between two versions, with the locale's separators. */
  changes: (diff: PlanDiff, language: string) => diffCsv(diff, language === "id" ? "id" : "en"),
};
