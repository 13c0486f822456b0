import type { PlanDiff } from "@rapk/history";
import { type CsvLocale, toCsv } from "./csv.js";
import { diffRows } from "./diffRows.js";

/** The changes as CSV: kind, subject, before, after, change; figures as plain numbers. */
export function diffCsv(diff: PlanDiff, locale: CsvLocale = "en"): string {
  return toCsv([["kind", "subject", "before", "after", "change"], ...diffRows(diff).map((r) => [r.kind, r.subject, r.before, r.after, r.change])], locale);
}
