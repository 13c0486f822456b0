import { finish } from "../plan/finish.js";
import { guard } from "../plan/guard.js";
import type { Noticed } from "../plan/noticed.js";
import { prepareText } from "../input/prepareText.js";
import type { ImportResult, ImportSuccess } from "../types.js";
import { checkCeiling, checkIndicatorBudgets, checkLineAllocations, checkObjectiveNumbers } from "./checks.js";
import type { Entry } from "./entries.js";
import { resolvePageBreaks } from "./pageBreaks.js";
import { readPages } from "./readPages.js";
import { readStructure } from "./readStructure.js";
import { splitRows } from "./rows.js";
import { readSignature } from "./signature.js";
import { readTitleBlock } from "./titleBlock.js";
import { toCommands } from "./toCommands.js";

/** The objective row above each indicator row, for naming indicators in page-break findings. */
function objectivesAbove(entries: readonly Entry[]): (entry: Entry) => string | undefined {
  const above = new Map<Entry, string>();
  let current: string | undefined;
  for (const entry of entries) {
    if (entry.kind === "objective") current = entry.objective.code;
    else if (current) above.set(entry, current);
  }
  return (entry) => above.get(entry);
}

/**
 * Imports the text a PDF extraction gives of a published RAPK (tab-separated cells, page
 * headers repeated; see docs/import.md). Whatever the source lacks (missing pages, cut names,
 * blank targets, a missing signatory) is reported as a finding, never filled in.
 */
export function importTable(text: string): ImportResult {
  return guard(text, (findings) => readTable(prepareText(text), findings));
}

/** The table importer's stages on prepared text, unguarded: importTable and importPlan guard it once. */
export function readTable(prepared: string, findings: Noticed[]): ImportSuccess {
  const rows = splitRows(prepared);
  const pages = readPages(rows, findings);
  const title = readTitleBlock(pages.title, findings);
  const orphans = resolvePageBreaks(pages.entries, pages.fragments, objectivesAbove(pages.entries), findings);
  const read = readStructure(pages.entries, orphans, findings);
  checkIndicatorBudgets(read, findings);
  checkObjectiveNumbers(read, findings);
  checkLineAllocations(read, findings);
  checkCeiling(read, pages.total.ceiling, pages.total.line, findings);
  const signature = readSignature(pages.closing, pages.total.line, findings);
  return finish(toCommands(title, pages.total, read, signature), { ceilingLine: pages.total.line });
}
