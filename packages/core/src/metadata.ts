import * as z from "zod";
import { RevisionKind } from "./revisionKind.js";
import { controlRefusal } from "./text/controlCharacters.js";

/** An instant as the log writes it: ISO 8601 with an offset (`2024-02-22T09:00:00+07:00`). */
export const Instant = z.iso.datetime({ offset: true, error: "must be an ISO date-time with an offset like 2024-02-22T09:00:00+07:00" });


/** Text a person writes into the log (actor, reason, reference): one line, 1..1000 characters. */
export const PersonText = (what: string) =>
  z
    .string({ error: what })
    .trim()
    .min(1, { error: what })
    .max(1000, { error: "is longer than 1,000 characters" })
    .superRefine((text, ctx) => {
      // One line without control characters (controlCharacters.ts): C1 as well as C0 and DEL.
      const why = controlRefusal(text);
      if (why) ctx.addIssue({ code: "custom", message: why });
    });

/** A message in both languages rapk speaks: Indonesian (`id`) and English (`en`). */
export const Message = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });
export type Message = z.infer<typeof Message>;

/**
 * Something the importer noticed in the source and reported instead of guessing, as version 1 of
 * an imported log records it: a stable `code`, the 1-based `line` of the source (and its `page`
 * where the text marks pages), the indicator or budget line it is about (`subject`), and a
 * message in both languages.
 */
export const Finding = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: "must be a finding code like BUDGET_MISMATCH" }),
  line: z.number().int().min(1),
  page: z.number().int().min(1).optional(),
  subject: z.string().min(1).optional(),
  message: Message,
});
export type Finding = z.infer<typeof Finding>;

/** The file a plan was imported from: its name (without folders), size in bytes and SHA-256. */
export const SourceFile = z.strictObject({
  name: z.string().min(1).max(1000),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "must be 64 lowercase hex digits" }),
});
export type SourceFile = z.infer<typeof SourceFile>;

/**
 * What a version records besides its events (log format v2 keeps it once, in the version's commit
 * record): two dates, who, why, on whose authority, which kind of change, and for an import what
 * it was imported from and what the importer found.
 * - `recordedAt`: when the version was written into the log, by the writer's clock (never by the user).
 * - `effectiveAt`: when it took effect in the real world (the date of the decree, letter or
 *   report; for an import the document's signing date). Both never decrease along the log.
 * - `corrects`: the version a correction corrects; a correction is a new version, never an insertion in the past.
 */
export const VersionMetadata = z.object({
  recordedAt: Instant,
  effectiveAt: Instant,
  actor: PersonText("must name who made the change"),
  reason: PersonText("must say why"),
  reference: PersonText("must name the letter or decree behind the change").optional(),
  kind: RevisionKind,
  corrects: z.number().int().min(1).optional(),
  source: SourceFile.optional(),
  /** The importer that read `source`, `name@version` (`@rapk/import@0.1.0`). */
  importer: z.string().min(1).max(200).optional(),
  findings: z.array(Finding).optional(),
});
export type VersionMetadata = z.infer<typeof VersionMetadata>;

/**
 * The metadata of log format v1 (logs written before the two dates): one `at`. It is still read,
 * as `recordedAt = effectiveAt = at`.
 */
export const LegacyMetadata = z.object({
  at: Instant,
  actor: z.string().trim().min(1, { error: "must name who made the change" }),
  reason: z.string().trim().min(1, { error: "must say why" }),
  reference: z.string().trim().min(1).optional(),
  /** The kind of batch the event was accepted in (draft, pok, dipa, rapk, report). */
  kind: RevisionKind.optional(),
});
export type LegacyMetadata = z.infer<typeof LegacyMetadata>;

/** Metadata as a log line writes it: today's, or v1's with one `at`. */
export type EventMetadata = VersionMetadata | LegacyMetadata;

/** Parses metadata in either form into what it was written as (a v1 `at` stays an `at`). */
export function parseMetadata(raw: unknown): z.ZodSafeParseResult<EventMetadata> {
  return (isLegacy(raw) ? LegacyMetadata : VersionMetadata).safeParse(raw) as z.ZodSafeParseResult<EventMetadata>;
}

function isLegacy(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && "at" in raw && !("recordedAt" in raw);
}

/** Whether metadata was written by a v1 log (one `at`). */
export function isLegacyMetadata(metadata: EventMetadata): metadata is LegacyMetadata {
  return "at" in metadata;
}

/** The metadata of a version in today's form: a v1 `at` reads as `recordedAt = effectiveAt = at`. */
export function versionMetadataOf(metadata: EventMetadata): VersionMetadata {
  if (!isLegacyMetadata(metadata)) return metadata;
  const { at, actor, reason, reference, kind } = metadata;
  const out: VersionMetadata = { recordedAt: at, effectiveAt: at, actor, reason, kind: kind ?? "draft" };
  return reference === undefined ? out : { ...out, reference };
}
