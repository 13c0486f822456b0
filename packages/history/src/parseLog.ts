import { LineReader } from "./lineReader.js";
import { splitLines } from "./lines.js";
import type { LogError } from "./logError.js";
import type { StoredEvent } from "./storedEvent.js";

export type ParseLogResult = { readonly ok: true; readonly events: StoredEvent[] } | { readonly ok: false; readonly error: LogError };

/**
 * Reads an NDJSON event log, validating every line (what LineReader checks); the first bad line
 * is reported by number. It does not check the hash chain or replay the plan: that is verifyLog.
 */
export function parseLog(text: string): ParseLogResult {
  const reader = new LineReader();
  const events: StoredEvent[] = [];
  for (const line of splitLines(text)) {
    const read = reader.read(line);
    if (!read.ok) return { ok: false, error: read.error };
    events.push(read.event);
  }
  return { ok: true, events };
}
