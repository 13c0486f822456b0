import { prepareText } from "../input/prepareText.js";
import { finish } from "../plan/finish.js";
import { guard } from "../plan/guard.js";
import { type Staged, pipeline } from "../plan/staged.js";
import type { ImportResult, ImportSuccess } from "../types.js";
import { checkStructure } from "./checks.js";
import type { Entry } from "./entries.js";
import { resolvePageBreaks } from "./pageBreaks.js";
import { readPages } from "./readPages.js";
import { readStructure } from "./readStructure.js";
import { splitRows } from "./rows.js";
import { readSignature } from "./signature.js";
import { readTitleBlock } from "./titleBlock.js";
import { toCommands } from "./toCommands.js";
import { numberStyleOf } from "../values/numberStyle.js";

/** The objective row above each indicator row (by the indicator's line), for naming indicators in page-break findings. */
function objectivesAbove(entries: readonly Entry[]): (line: number) => string | undefined {
  const above = new Map<number, string>();
  let current: string | undefined;
  for (const entry of entries) {
    if (entry.kind === "objective") current = entry.objective.code;
    else if (current) above.set(entry.line, current);
  }
  return (line) => above.get(line);
}

/**
 * Imports the text a PDF extraction gives of a published RAPK (tab-separated cells, page
 * headers repeated; see docs/import.md). Whatever the source lacks (missing pages, cut names,
 * blank targets, a missing signatory) is reported as a finding, never filled in.
 */
export function importTable(text: string): ImportResult {
  return guard(text, () => readTable(prepareText(text)));
}

/**
 * The table importer's stages on prepared text, in order, each giving its output and its
 * findings (the findings come out in this order, then by line): importTable and importPlan
 * guard it once.
 */
export function readTable(prepared: string): Staged<ImportSuccess> {
  return pipeline((take) => {
    const pages = take(readPages(splitRows(prepared)));
    const title = take(readTitleBlock(pages.title));
    const joined = take(resolvePageBreaks(pages.entries, pages.fragments, objectivesAbove(pages.entries)));
    // The document's own amounts tell which mark groups its thousands, for the targets that need it.
    const read = take(readStructure(joined.entries, joined.orphans, numberStyleOf(prepared)));
    take(checkStructure(read, pages.total));
    const signature = take(readSignature(pages.closing, pages.total.line));
    return finish(toCommands(title, pages.total, read, signature), { ceilingLine: pages.total.line });
  });
}
