import { initialState } from "@rapk/core";
import { parseLog, verifyLog } from "@rapk/history";
import { type FoldedHistory, foldHistory, versionCollector } from "./foldedHistory.js";
import { importRecord } from "./importRecord.js";
import { MAX_FILE_BYTES } from "./limits.js";
import type { LoadOutcome } from "./source.js";

/** An event log is NDJSON: its first non-blank character opens a JSON object. */
function looksLikeLog(text: string): boolean {
  return /^\s*\{/.test(text);
}

/**
 * Opens the text of a file: an event log is verified and folded in one reading; a published table
 * (TXT) or the CSV template is imported into a one-version history with its findings. Pure, so
 * it runs the same in a Web Worker and in a test. Asynchronous only because the importer is
 * loaded when a table is first opened: most visits open logs, and the importer (with its date
 * parsing and CSV reader) would otherwise be a third of the first load.
 */
export async function parseSource(text: string, name: string, now?: () => string): Promise<LoadOutcome> {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: { code: "FILE_TOO_LARGE", message: `${name} is larger than the limit` } };
  if (text.trim() === "") return { ok: false, error: { code: "FILE_EMPTY", message: `${name} is empty` } };

  if (looksLikeLog(text)) {
    // One reading verifies the log and folds it: the versions and their states come with it.
    const collector = versionCollector(initialState());
    const verification = verifyLog(text, { onVersion: collector.onVersion });
    let history: FoldedHistory;
    if (verification.ok) history = collector.folded();
    else {
      // A log that does not verify is still shown, for what it claims, beside the alert: read
      // again without the checks that failed (only such a log is read twice).
      const parsed = parseLog(text);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      try {
        history = foldHistory(parsed.value.events);
      } catch {
        // Its events cannot even be applied: the verification names the line.
        return { ok: false, error: verification.error };
      }
    }
    return { ok: true, loaded: { name, origin: "log", history, verification, ...importRecord(history.versions) } };
  }
  const { importSource } = await import("./importSource.js");
  return importSource(text, name, now);
}
