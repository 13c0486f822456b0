import * as z from "zod";

/**
 * What a member of a plan's roster does (docs/workflow.md):
 * - `officer` (perencana / operator): prepares reports and revisions, and proposes them;
 * - `head` (Kepala / KPA, kuasa pengguna anggaran): approves, signs the plan, its revisions and the roster;
 * - `verifier` (verifikator): checks reports before the head, where a unit has one;
 * - `auditor` (auditor, APIP / Inspektorat): reads; signs nothing that changes the plan.
 */
export const Role = z.enum(["officer", "head", "verifier", "auditor"], { error: "must be officer, head, verifier or auditor" });
export type Role = z.infer<typeof Role>;

/** An Ed25519 public key as rapk writes it: 64 lowercase hex digits (32 bytes). */
export const PublicKey = z.string().regex(/^[0-9a-f]{64}$/, { error: "must be an Ed25519 public key: 64 lowercase hex digits" });

/** How a member is known in the log: a short handle (`kepala`, `siti.rahma`), kept when their name, role or key changes. */
export const MemberId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { error: "must be a member id like kepala or siti.rahma (lowercase letters, digits, . _ -; at most 64)" });
