import { signingDateOf, startOfDayLike } from "@rapk/core";
import { appendRevision, parseLog, verifyLog } from "@rapk/history";
import { formatISO } from "date-fns";
import { importPlan } from "@rapk/import";
import { MAX_FILE_BYTES } from "./limits.js";
import type { LoadOutcome } from "./source.js";

/** Who the viewer records as the author of the one version it makes when importing a table. */
export const IMPORT_ACTOR = "rapk viewer (import)";

/** An event log is NDJSON: its first non-blank character opens a JSON object. */
function looksLikeLog(text: string): boolean {
  return /^\s*\{/.test(text);
}

function tableFormat(name: string): "table" | "csv" | undefined {
  if (/\.csv$/i.test(name)) return "csv";
  if (/\.txt$/i.test(name)) return "table";
  return undefined;
}

/**
 * Opens the text of a file: an event log is parsed and its chain verified; a published table
 * (TXT) or the CSV template is imported into a one-version history with its findings. Pure and
 * synchronous, so it runs the same in a Web Worker and in a test.
 */
export function parseSource(text: string, name: string, now: () => string = () => formatISO(new Date())): LoadOutcome {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: { code: "FILE_TOO_LARGE", message: `${name} is larger than the limit` } };
  if (text.trim() === "") return { ok: false, error: { code: "FILE_EMPTY", message: `${name} is empty` } };

  if (looksLikeLog(text)) {
    const parsed = parseLog(text);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    return { ok: true, loaded: { name, origin: "log", events: parsed.events, verification: verifyLog(text), findings: [] } };
  }

  const format = tableFormat(name);
  const imported = importPlan(text, format ? { format } : undefined);
  if (!imported.ok) return { ok: false, error: imported.error };
  // The plan took effect when it was signed, not when the viewer opened it.
  const recordedAt = now();
  const signed = signingDateOf(imported.commands);
  const effectiveAt = signed === undefined ? recordedAt : startOfDayLike(signed, recordedAt);
  const appended = appendRevision(
    [],
    { meta: { actor: IMPORT_ACTOR, reason: `imported from ${name}`, kind: "draft", effectiveAt }, commands: imported.commands },
    { now: () => recordedAt },
  );
  if (!appended.ok) return { ok: false, error: { code: appended.error.code, message: appended.error.message } };
  return { ok: true, loaded: { name, origin: "import", events: appended.events, verification: null, findings: imported.findings } };
}
