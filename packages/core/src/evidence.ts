import * as z from "zod";

/** The largest evidence file rapk keeps: 20 MB. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A file a report cites as evidence (bukti dukung: a scanned letter, a spreadsheet), kept beside
 * the log by its SHA-256 and named from the event by its name, media type, size and digest, so
 * that `verify` can tell a missing or changed file.
 */
export const EvidenceRef = z.object({
  name: z.string().trim().min(1).max(255).regex(/^[^/\\\u0000-\u001f\u007f]+$/, { error: "must be a file name without folders or control characters" }),
  mediaType: z.string().regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i, { error: "must be a media type like application/pdf" }).max(127),
  size: z.number().int().min(0).max(EVIDENCE_MAX_BYTES, { error: "is larger than 20 MB, the most rapk keeps as evidence" }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "must be 64 lowercase hex digits" }),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

/** What a report may cite: up to 20 files. */
export const EvidenceList = z.array(EvidenceRef).min(1).max(20);
