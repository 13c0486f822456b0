import { parseLog, verifyLog } from "@rapk/history";
import { importRecord } from "./importRecord.js";
import { MAX_FILE_BYTES } from "./limits.js";
import type { LoadOutcome } from "./source.js";

/** An event log is NDJSON: its first non-blank character opens a JSON object. */
function looksLikeLog(text: string): boolean {
  return /^\s*\{/.test(text);
}

/**
 * Opens the text of a file: an event log is parsed and its chain verified; a published table
 * (TXT) or the CSV template is imported into a one-version history with its findings. Pure, so
 * it runs the same in a Web Worker and in a test. Asynchronous only because the importer is
 * loaded when a table is first opened: most visits open logs, and the importer (with its date
 * parsing and CSV reader) would otherwise be a third of the first load.
 */
export async function parseSource(text: string, name: string, now?: () => string): Promise<LoadOutcome> {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: { code: "FILE_TOO_LARGE", message: `${name} is larger than the limit` } };
  if (text.trim() === "") return { ok: false, error: { code: "FILE_EMPTY", message: `${name} is empty` } };

  if (looksLikeLog(text)) {
    const parsed = parseLog(text);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    return { ok: true, loaded: { name, origin: "log", events: parsed.value.events, verification: verifyLog(text), ...importRecord(parsed.value.events) } };
  }
  const { importSource } = await import("./importSource.js");
  return importSource(text, name, now);
}
