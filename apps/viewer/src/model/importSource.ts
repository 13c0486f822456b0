import { DEFAULT_ZONE_OFFSET, instantIn, signingDateOf, startOfDayLike } from "@rapk/core";
import { type StoredEvent, appendRevision, sourceFileOf } from "@rapk/history";
import { IMPORTER, importPlan } from "@rapk/import";
import { foldHistory } from "./foldedHistory.js";
import { importRecord } from "./importRecord.js";
import type { LoadFailure, LoadOutcome } from "./source.js";

/** Who the viewer records as the author of the one version it makes when importing a table. */
export const IMPORT_ACTOR = "rapk viewer (import)";

function tableFormat(name: string): "table" | "csv" | undefined {
  if (/\.csv$/i.test(name)) return "csv";
  if (/\.txt$/i.test(name)) return "table";
  return undefined;
}

/**
 * Imports a published table (TXT) or the CSV template into a one-version history with the
 * importer's findings. Loaded by parseSource only when a table is opened. Its clock is written in
 * WIB, as `rapk import`'s is by default, whatever the zone of the browser.
 */
export function importSource(text: string, name: string, now: () => string = () => instantIn(new Date(), DEFAULT_ZONE_OFFSET)): LoadOutcome {
  const made = importedEvents(text, name, now);
  if (!made.ok) return made;
  const history = foldHistory(made.events);
  return { ok: true, loaded: { name, origin: "import", history, verification: null, ...importRecord(history.versions) } };
}

/** The events of the one version an import makes, as `rapk import` would append them to an empty log. */
export function importedEvents(text: string, name: string, now: () => string): { ok: true; events: StoredEvent[] } | { ok: false; error: LoadFailure } {
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
    // The version records what it was read from (the text's UTF-8 bytes) and what the importer found, as the CLI's import does.
    { now: () => recordedAt, imported: { source: sourceFileOf(name, text), importer: IMPORTER, findings: imported.findings } },
  );
  if (!appended.ok) return { ok: false, error: { code: appended.error.code, message: appended.error.message } };
  return { ok: true, events: appended.events };
}
