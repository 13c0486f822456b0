import { z } from "zod";
import { PlanEvent } from "./events/index.js";
import { EventMetadata } from "./metadata.js";
import { type DomainError, schemaError } from "./errors.js";

/** An event as it is kept: the fact plus who, when, why and on whose authority. */
export type RecordedEvent = PlanEvent & { readonly metadata: EventMetadata };

const Metadata = z.object({ metadata: EventMetadata });

/**
 * Validates an event where it enters (append, load). The error names the event (its position
 * and type), the field and why, e.g. `event 4 (TargetSet): data.month must be a month number 1-12`.
 */
export function parseEvent(
  raw: unknown,
  position?: number,
): { ok: true; event: RecordedEvent } | { ok: false; error: DomainError } {
  const where = `event${position === undefined ? "" : ` ${position}`}`;
  const type = typeof raw === "object" && raw !== null && "type" in raw ? String((raw as { type: unknown }).type) : undefined;
  const label = type ? `${where} (${type})` : where;
  const body = PlanEvent.safeParse(raw);
  if (!body.success) return { ok: false, error: schemaError("EVENT_INVALID", label, body.error) };
  const meta = Metadata.safeParse(raw);
  if (!meta.success) return { ok: false, error: schemaError("EVENT_INVALID", label, meta.error) };
  return { ok: true, event: { ...body.data, metadata: meta.data.metadata } as RecordedEvent };
}
