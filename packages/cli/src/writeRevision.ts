import type { DomainError, Member, PlanState } from "@rapk/core";
import { EMPTY_HEAD, type RevisionInput, appendRevision, fingerprintOf, headAfter, jsonPathLine, readNextVersion, zoneOfLog } from "@rapk/history";
import { checkSignature, signVersion } from "@rapk/history/signing";
import { CliError, EXIT } from "./cliError.js";
import { type EvidenceFile, keepEvidence } from "./evidence.js";
import type { Io } from "./io.js";
import { formatPath } from "./json.js";
import { type LoadedLog, loadFrom, storeFailure } from "./logFile.js";
import type { LogTarget } from "./logTarget.js";
import { headVersion } from "./selector.js";
import type { KeyFile } from "./signingKey.js";
import { clockIn } from "./unitClock.js";

/**
 * Where a revision comes from: revision.json (read before the log, its errors placed on its
 * lines), a filled template (read against the log, its errors placed on its sheets' cells), or a
 * step on a proposal (`rapk approve`), made from the log.
 */
/** A revision whose actor may be left to the writer: a step rapk makes records the signing member's name. */
export interface RevisionDraft {
  readonly meta: Omit<RevisionInput["meta"], "actor"> & { readonly actor?: string };
  readonly commands: RevisionInput["commands"];
}

export interface RevisionSource {
  readonly file: string;
  readonly read: (log: LoadedLog) => Promise<{ readonly revision: RevisionDraft; readonly placeOf?: (error: DomainError) => string | undefined }>;
  readonly placeIn?: (error: DomainError) => { file: string; line?: number };
  /** The files its reports cite, kept beside the log before the version is appended. */
  readonly evidence?: readonly EvidenceFile[];
}

export interface Appended {
  readonly version: number;
  readonly events: number;
  readonly head: string;
  /** Who signed it, as the roster knows them ("Siti Rahma (officer, ed25519:…)"), or the key files' names on a plan without a roster. */
  readonly signedBy: readonly string[];
}

/**
 * Decides the revision on the log as read, seals and signs the new version, reads it as verify
 * will (its signers against the roster and the policy), and hands it to the store, which checks
 * the head again under its lock or transaction right before it commits. A version verify would
 * refuse is never written: the log must stay readable by every command.
 */
export async function writeRevision(io: Io, target: LogTarget, file: string, source: RevisionSource, expected: number | undefined, keys: readonly KeyFile[]): Promise<Appended> {
  // A log that does not verify (signatures included) is never appended to: the reading refuses it.
  // A tail a crashed writer left is not a fault of the log (it is not part of it), and the store
  // cuts it under its lock before it appends.
  const log = await loadFrom(io, file, target, { refusal: "does not verify, so nothing was appended" });
  const head = headVersion(log.history);
  if (expected !== undefined && head > expected)
    throw new CliError(`conflict: the log is at version ${head}, past the expected version ${expected}; nothing was appended`, { file, code: "CONFLICT" }, EXIT.conflict);
  if (expected !== undefined && head < expected) throw new CliError(`the log is at version ${head}; --expect-version ${expected} does not exist yet`, { file });

  const before = log.history.stateAt(head);
  const read = await source.read(log);
  const revision = takenBy(read.revision, before, keys, file);
  const logHead = log.versions.length === 0 ? EMPTY_HEAD : headAfter(log.versions[log.versions.length - 1]!);
  const result = appendRevision(log.events, revision, { history: log.history, head: logHead, now: () => clockIn(io, zoneOfLog(log.history)) });
  if (!result.ok)
    throw new CliError(`rejected: ${describeDomainError(result.error, read.placeOf)}`, { ...(source.placeIn?.(result.error) ?? { file: source.file }), code: result.error.code }, EXIT.rejected);
  const sealed = keys.reduce((version, key) => signVersion(version, key.secretKey), result.sealed);
  const reading = readNextVersion(sealed, before, checkSignature);
  const problem = reading.problems[0];
  if (problem) throw new CliError(`rejected: ${problem.code}: ${problem.message}${adviceFor(problem.code)}; nothing was appended`, { file, code: problem.code }, EXIT.rejected);
  // The files first: a version that fails to land leaves a file nobody cites, never a citation without its file.
  if (source.evidence) await keepEvidence(target.store, target.plan, source.evidence, file);
  try {
    await target.store.append(target.plan, sealed, { expectedVersion: head });
  } catch (error) {
    throw storeFailure(file, error);
  }
  const signedBy = reading.signers.map((signer) => (signer.member ? `${signer.name} (${signer.role}, ${signer.fingerprint})` : (keys.find((key) => key.publicKey === signer.publicKey)?.name ?? signer.fingerprint)));
  return { version: sealed.version, events: sealed.events.length, head: sealed.head, signedBy };
}

/**
 * On a plan with a roster, the member who takes a revision is the holder of its first signing
 * key (`meta.by`, which decide checks against the policy); one the revision names must be that
 * holder. A plan without a roster keeps no members, and its revisions name none.
 */
function takenBy(given: RevisionDraft, before: PlanState, keys: readonly KeyFile[], file: string): RevisionInput {
  const members = Object.values(before.members);
  const first = keys[0];
  const holder = first && members.find((member) => member.publicKey === first.publicKey);
  // A step made by rapk (approve, return, withdraw) records who takes it as its actor.
  const meta = (given.meta ?? {}) as { by?: unknown; actor?: unknown };
  const revision = meta.actor === undefined && typeof given.meta === "object" ? ({ ...given, meta: { ...meta, actor: holder?.name ?? first?.name ?? "rapk" } } as RevisionInput) : (given as RevisionInput);
  if (members.length === 0) return revision;
  if (!first) {
    if (meta.by !== undefined) return revision;
    throw new CliError("rejected: MEMBER_REQUIRED: the plan keeps a roster, so every version is signed by the member who takes it: give --sign <key file>; nothing was appended", { file, code: "MEMBER_REQUIRED" }, EXIT.rejected);
  }
  if (!holder)
    throw new CliError(
      `rejected: UNKNOWN_SIGNER: the key ${first.name} (${fingerprintOf(first.publicKey)}) is not held by any member of the plan's roster (${members.map(describeMember).join(", ")}); nothing was appended`,
      { file, code: "UNKNOWN_SIGNER" },
      EXIT.rejected,
    );
  if (meta.by !== undefined && meta.by !== holder.member)
    throw new CliError(`rejected: SIGNER_MISMATCH: the revision is taken by ${String(meta.by)}, but signed first by ${holder.member}; nothing was appended`, { file, code: "SIGNER_MISMATCH" }, EXIT.rejected);
  return { ...revision, meta: { ...(revision.meta as object), by: holder.member } } as RevisionInput;
}

const describeMember = (member: Member): string => `${member.member}: ${member.role}`;

/** What to do instead, for the refusals a member meets most. */
function adviceFor(code: string): string {
  if (code === "POLICY_NOT_MET") return " (propose it with rapk propose for the head to approve, or sign it with every role the policy names: --sign once per key)";
  if (code === "REFERENCE_REQUIRED") return ' (name the letter behind it: "reference" in the revision\'s meta)';
  return "";
}

/** The file, and the line a path into its JSON points at when there is one. */
export function placeIn(text: string, file: string, path: readonly (string | number)[]): { file: string; line?: number } {
  const line = jsonPathLine(text, path);
  return line === undefined ? { file } : { file, line };
}

/** Where in the revision file a domain error's path points (as describeDomainError reads it), or [] for the plan. */
export function revisionPath(path: readonly (string | number)[]): (string | number)[] {
  if (typeof path[0] === "number") return ["commands", ...path];
  if (path[0] === "meta" || path[0] === "commands") return [...path];
  if (path[0] === "by") return ["meta", "by"];
  return [];
}

/**
 * `CODE: message (at commands[1].data.amount)`. A path that starts with a command's index (a
 * batch's refusal always does, one command or many) points into the revision file; anything else
 * is a place in the plan.
 */
export function describeDomainError(error: DomainError, placeOf?: (error: DomainError) => string | undefined): string {
  const inFile = revisionPath(error.path);
  const where = placeOf?.(error) ?? (inFile.length > 0 ? formatPath(inFile) : error.path.length > 0 ? `plan ${formatPath(error.path)}` : undefined);
  // The path names the command (`commands[1].data.line`), so its number is not said twice.
  const message = inFile.length > 0 ? (error.command?.message ?? error.message) : error.message;
  return `${error.code}: ${message}${where ? ` (at ${where})` : ""}`;
}
