import { z } from "zod";
import { PlanEvent } from "./events/index.js";
import { EventMetadata } from "./metadata.js";
import { type DomainError, schemaError } from "./errors.js";

/** An event as it is kept: the fact plus who, when, why and on whose authority. */
export type RecordedEvent = PlanEvent & { readonly metadata: EventMetadata };

const Metadata = z.object({ metadata: EventMetadata });
// Every event of a batch carries the same metadata, so a log repeats it line after line. The last
// one checked is remembered: the same five values give the same result, and the schema (a
// date-time pattern among them) runs once per batch instead of once per event.
let last: { raw: Partial<Record<keyof EventMetadata, unknown>>; parsed: EventMetadata } | undefined;

function sameAsLast(raw: unknown): boolean {
  if (last === undefined || typeof raw !== "object" || raw === null) return false;
  const m = raw as Partial<Record<keyof EventMetadata, unknown>>;
  const l = last.raw;
  return m.at === l.at && m.actor === l.actor && m.reason === l.reason && m.reference === l.reference && m.kind === l.kind;
}

/**
 * Validates an event where it enters (append, load). The error names the event (its position
 * and type), the field and why, e.g. `event 4 (TargetSet): data.month must be a month number 1-12`.
 */
export function parseEvent(
  raw: unknown,
  position?: number,
): { ok: true; event: RecordedEvent } | { ok: false; error: DomainError } {
  const checked = validateEvent(raw, position);
  if (!checked.ok) return checked;
  // zod's output is a fresh object, ours to complete; the metadata is copied so that the events
  // of a batch do not share one object.
  const event = checked.event as PlanEvent & { metadata?: EventMetadata };
  event.metadata = { ...(last as { parsed: EventMetadata }).parsed };
  return { ok: true, event: event as RecordedEvent };
}

/**
 * Validates an event and its metadata as parseEvent does, but gives back only the event (type
 * and data): what a replay needs, which folds the fact and keeps no metadata.
 */
export function validateEvent(raw: unknown, position?: number): { ok: true; event: PlanEvent } | { ok: false; error: DomainError } {
  const body = PlanEvent.safeParse(raw);
  if (!body.success) return { ok: false, error: schemaError("EVENT_INVALID", label(raw, position), body.error) };
  const rawMetadata = (raw as { metadata?: unknown }).metadata;
  if (!sameAsLast(rawMetadata)) {
    const meta = Metadata.safeParse(raw);
    if (!meta.success) return { ok: false, error: schemaError("EVENT_INVALID", label(raw, position), meta.error) };
    last = { raw: { ...(rawMetadata as object) }, parsed: meta.data.metadata };
  }
  return { ok: true, event: body.data };
}

/** `event 4 (TargetSet)`: built only when there is an error to report. */
function label(raw: unknown, position: number | undefined): string {
  const where = `event${position === undefined ? "" : ` ${position}`}`;
  const type = typeof raw === "object" && raw !== null && "type" in raw ? String((raw as { type: unknown }).type) : undefined;
  return type ? `${where} (${type})` : where;
}
