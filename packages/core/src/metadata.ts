import { z } from "zod";
import { RevisionKind } from "./revisionKind.js";

/**
 * Who changed the plan, when, why, and on whose authority. Every event carries it: audits of
 * these plans ask exactly these four questions of every figure.
 */
export const EventMetadata = z.object({
  at: z.iso.datetime({ offset: true, error: "must be an ISO date-time like 2024-02-22T09:00:00+07:00" }),
  actor: z.string().trim().min(1, { error: "must name who made the change" }),
  reason: z.string().trim().min(1, { error: "must say why" }),
  reference: z.string().trim().min(1).optional(),
  /** The kind of batch the event was accepted in (draft, pok, dipa, rapk, report). */
  kind: RevisionKind.optional(),
});
export type EventMetadata = z.infer<typeof EventMetadata>;
