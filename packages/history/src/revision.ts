import { type DomainError, Instant, MemberId, type Result, PersonText, PlanCommand, RevisionKind, schemaIssue } from "@rapk/core";
import * as z from "zod";

/**
 * A revision as a person or a tool writes it (revision.json): who, why, on whose authority,
 * which kind of change, optionally when, and the commands, decided all-or-nothing.
 */
export interface RevisionInput {
  readonly meta: {
    readonly actor: string;
    readonly reason: string;
    readonly reference?: string;
    readonly kind: RevisionKind;
    /** When the change took effect (the letter's or decree's date); `at` is the older name for it. */
    readonly effectiveAt?: string;
    readonly at?: string;
    /** The version this revision corrects. */
    readonly corrects?: number;
    /** The member of the roster who takes it and signs it: the policy is checked before it is decided (core's decide, `by`). */
    readonly by?: string;
  };
  readonly commands: readonly unknown[];
}


// A misspelt key (`referense`) must be an error, not a revision that silently lacks its reference.
const unknownKeys = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" ? `has unknown field(s) ${(issue.keys ?? []).join(", ")}` : issue.code === "invalid_type" ? "must be a JSON object" : undefined,
};

/**
 * Who, why, on whose authority, which kind, (optionally) when it took effect and what it
 * corrects: the metadata of the version the revision becomes. When it was recorded is not the
 * writer's to say: the log's writer stamps it from its clock.
 */
export const RevisionMeta = z
  .strictObject(
    {
      actor: PersonText("must name who made the change"),
      reason: PersonText("must say why"),
      reference: PersonText("must name the letter or decree behind the change").optional(),
      kind: RevisionKind,
      effectiveAt: Instant.optional(),
      at: Instant.optional(),
      corrects: z.number({ error: "must be a version number" }).int({ error: "must be a version number" }).min(1, { error: "must be a version number" }).optional(),
      by: MemberId.optional(),
    },
    unknownKeys,
  )
  .refine((meta) => meta.at === undefined || meta.effectiveAt === undefined || meta.at === meta.effectiveAt, {
    error: "gives two different dates (at is the older name of effectiveAt): keep one",
    path: ["at"],
  });

/**
 * The schema of revision.json: `{"meta": {...}, "commands": [...]}`. Commands are checked
 * against core's command schemas here already, so a file is refused before anything is decided.
 */
export const Revision = z.strictObject(
  { meta: RevisionMeta, commands: z.array(PlanCommand, { error: "must be a list of commands" }).min(1, { error: "must hold at least one command" }) },
  unknownKeys,
);

/**
 * Validates a revision (revision.json's content). The error names the field and why:
 * `revision: meta.actor must name who made the change`, `revision: command 3 (setTarget): data.month ...`
 * (commands counted from 1, as decideBatch counts them).
 */
export function parseRevision(raw: unknown): Result<RevisionInput> {
  const parsed = Revision.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: revisionError(parsed.error, raw) };
}

/** A zod error of a revision as a DomainError whose message names the field. */
export function revisionError(error: z.ZodError, raw: unknown): DomainError {
  const issue = error.issues[0];
  const { path, why } = schemaIssue(error);
  // An unknown field's issue points at its object; the error points at the field itself.
  const unknown = issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const at = unknown === undefined ? path : [...path, unknown];
  if (path[0] === "commands" && typeof path[1] === "number") {
    const index = path[1];
    const command = (raw as { commands?: unknown[] } | undefined)?.commands?.[index];
    const type = typeof command === "object" && command !== null && "type" in command ? ` (${String((command as { type: unknown }).type)})` : "";
    const field = path.slice(2).join(".");
    // A field beside the command's data is the command's own: "command 1 (reviseBudget) has an unknown field".
    const what = field === "" && unknown !== undefined ? ` ${why}` : `: ${field || "(whole)"} ${why}`;
    return { code: "REVISION_INVALID", message: `revision: command ${index + 1}${type}${what}`, path: at };
  }
  return { code: "REVISION_INVALID", message: path.length > 0 ? `revision: ${path.join(".")} ${why}` : `revision ${why}`, path: at };
}
