import { PlanEvent } from "./events/index.js";
import { type EventMetadata, parseMetadata } from "./metadata.js";
import { type DomainError, schemaError } from "./errors.js";

/** An event as it is kept: the fact plus who, when, why and on whose authority. */
export type RecordedEvent = PlanEvent & { readonly metadata: EventMetadata };

/**
 * `repeated`: the metadata is the same as the event's before it (the validator remembers the
 * last), so a reader that checked that one need not look at this one again.
 */
type Parsed<T> = { ok: true; event: T; repeated?: boolean } | { ok: false; error: DomainError };

const SCALARS = ["at", "recordedAt", "effectiveAt", "actor", "reason", "reference", "kind", "corrects", "importer"] as const;

/**
 * A validator of the events of one log, read in order. Every event of a batch carries the same
 * metadata in a v1 log, so it repeats line after line: the validator remembers the last metadata
 * it checked, the same values give the same result, and the schema (date-time patterns among
 * them) runs once per batch instead of once per event. The memory is the validator's own: make
 * one per log read (parseEvent makes a fresh one per call).
 */
export class EventValidator {
  private last: { raw: Record<string, unknown>; parsed: EventMetadata } | undefined;

  /**
   * Validates an event where it enters (append, load). The error names the event (its position
   * and type), the field and why, e.g. `event 4 (TargetSet): data.month must be a month number 1-12`.
   */
  parse(raw: unknown, position?: number): Parsed<RecordedEvent> {
    const checked = this.validate(raw, position);
    if (!checked.ok) return checked;
    // zod's output is a fresh object, ours to complete; the metadata is copied so that the events
    // of a batch do not share one object.
    const event = checked.event as PlanEvent & { metadata?: EventMetadata };
    event.metadata = { ...(this.last as { parsed: EventMetadata }).parsed };
    return checked.repeated ? { ok: true, event: event as RecordedEvent, repeated: true } : { ok: true, event: event as RecordedEvent };
  }

  /**
   * Validates an event and its metadata as {@link parse} does, but gives back only the event (type
   * and data): what a replay needs, which folds the fact and keeps no metadata.
   */
  validate(raw: unknown, position?: number): Parsed<PlanEvent> {
    const body = PlanEvent.safeParse(raw);
    if (!body.success) return { ok: false, error: schemaError("EVENT_INVALID", label(raw, position), body.error) };
    const rawMetadata = (raw as { metadata?: unknown }).metadata;
    if (this.sameAsLast(rawMetadata)) return { ok: true, event: body.data, repeated: true };
    const meta = parseMetadata(rawMetadata);
    if (!meta.success) return { ok: false, error: prefixed(schemaError("EVENT_INVALID", label(raw, position), meta.error)) };
    this.last = { raw: { ...(rawMetadata as Record<string, unknown>) }, parsed: meta.data };
    return { ok: true, event: body.data };
  }

  private sameAsLast(raw: unknown): boolean {
    const last = this.last;
    if (last === undefined || typeof raw !== "object" || raw === null) return false;
    const m = raw as Record<string, unknown>;
    const l = last.raw;
    for (const key of SCALARS) if (m[key] !== l[key]) return false;
    // Objects (the source and findings of an imported version) are rare: compared by their JSON.
    for (const key in m) if (!(SCALARS as readonly string[]).includes(key) && JSON.stringify(m[key]) !== JSON.stringify(l[key])) return false;
    for (const key in l) if (!(key in m)) return false;
    return true;
  }
}

/** Validates one event with its metadata (see {@link EventValidator.parse}); to read a whole log, use one EventValidator. */
export function parseEvent(raw: unknown, position?: number): Parsed<RecordedEvent> {
  return new EventValidator().parse(raw, position);
}

/** A metadata error names its field from the event: `metadata.actor`, not `actor`. */
function prefixed(error: DomainError): DomainError {
  return { ...error, path: ["metadata", ...error.path], message: error.message.replace(/: (\S+) /, (_, field: string) => `: metadata${field === "(whole)" ? "" : `.${field}`} `) };
}

/** `event 4 (TargetSet)`: built only when there is an error to report. */
function label(raw: unknown, position: number | undefined): string {
  const where = `event${position === undefined ? "" : ` ${position}`}`;
  const type = typeof raw === "object" && raw !== null && "type" in raw ? String((raw as { type: unknown }).type) : undefined;
  return type ? `${where} (${type})` : where;
}
