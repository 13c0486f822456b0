import type { StoredEvent } from "./storedEvent.js";

/**
 * One log line: the keys in the order seq, version, type, data, metadata, prev, hash, no
 * whitespace, no newline. Data and metadata keep the order the schemas give them; the hash does
 * not depend on any of that order (it is taken over the canonical form).
 */
export function serializeEvent(event: StoredEvent): string {
  const { seq, version, type, data, metadata, prev, hash } = event;
  return JSON.stringify({ seq, version, type, data, metadata, prev, hash });
}

/** A whole log as NDJSON: one line per event, each ended by "\n" (an empty log is ""). */
export function serializeLog(events: readonly StoredEvent[]): string {
  let text = "";
  for (const event of events) text += `${serializeEvent(event)}\n`;
  return text;
}
