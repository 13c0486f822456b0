import type { LogText } from "./lines.js";
import { type ErrorCode, type PlanState, type Result, type RevisionKind, type VersionMetadata, checkInvariantsSince, initialState, missingApprovals, policyOf } from "@rapk/core";
import { type CommitRecord, type CommitSignature, type CommittedVersion, signaturesOf } from "./commit.js";
import { kindBreach } from "./kindPolicy.js";
import type { LogError } from "./logError.js";
import { foldRange } from "./replayRange.js";
import { GENESIS_HASH, type StoredEvent } from "./storedEvent.js";
import type { SignatureCheck, Trust } from "./trust.js";
import { type RootAnchor, type Signer, type SignerProblem, readSigners, trustRoster } from "./signers.js";
import { type ReadVersion, VersionReader } from "./versionReader.js";

export interface VerifyOptions {
  /**
   * Keys trusted to sign, with the check of a signature (`trusting(keys)` from
   * `@rapk/history/signing`): every version must then carry a valid signature by one of them.
   */
  readonly trust?: Trust;
  /**
   * The check of a signature (`checkSignature` from `@rapk/history/signing`; `trust` brings its
   * own). Every signature a log carries is checked, trusted keys or not: one that does not hold
   * for its version's head is BAD_SIGNATURE. Without a check, a signed version is
   * SIGNATURE_UNCHECKED, never taken as good: load the check when a log carries signatures
   * ({@link carriesSignatures}).
   */
  readonly checkSignature?: SignatureCheck;
  /** The head (hash) the log must end at, as kept elsewhere: a log cut after a whole version is caught. */
  readonly expectHead?: string;
  /**
   * The root of trust an auditor pins (`--root`): the public key that must sign the roster's
   * first version (ROOT_NOT_TRUSTED otherwise, and for a log with no roster). With `trust`, the
   * trusted keys are the root.
   */
  readonly root?: string;
  /**
   * Called with each version once it is verified (chain, kind, fold, invariants): its events, the
   * plan after it and its head. What a reader needs to show the log, from the one reading that
   * verifies it (the viewer's worker), instead of a parseLog and a replay of the same text.
   */
  readonly onVersion?: (version: VerifiedVersion) => void;
}

/** A version as verifyLog/auditLog read it: see {@link VerifyOptions.onVersion}. */
export interface VerifiedVersion {
  readonly number: number;
  readonly events: readonly StoredEvent[];
  /** What the version records about itself (its commit record's; a v1 version's events'). */
  readonly metadata: VersionMetadata;
  /** The plan after the version. */
  readonly state: PlanState;
  /** The version's head: its commit record's hash (v2), its last event's (v1). */
  readonly head: string;
  /** Its commit record (v2, v3): its metadata and signatures, each of which has been checked. */
  readonly commit?: CommitRecord;
  /** Who signed it (the signatures that hold), as the roster of the time knows them. */
  readonly signers?: readonly Signer[];
  /** Whether it was checked against a roster and policy (a log with a roster, or a trust file with roles), and met it. */
  readonly policy?: "met" | "not met";
}

/**
 * Whether a log's text carries any signature, so that a reader knows to load the Ed25519 check
 * before verifying it (a cheap look for the key; a false positive only loads the check).
 */
export function carriesSignatures(text: string): boolean {
  return text.includes('"signature');
}

/**
 * What verifying a log found: how many committed events and versions it holds, the head it ends at
 * (the last commit record's hash; the last event's hash for a v1 log; 64 zeros when empty) and the
 * problems, the first being the first line at fault. `ok` when there are none.
 */
export interface LogAudit {
  readonly ok: boolean;
  readonly events: number;
  readonly versions: number;
  readonly head: string;
  readonly problems: readonly LogError[];
  /**
   * The versions approved afterwards (VersionsRatified), each by the first later version whose
   * signers ratified it holding the roles the policy asks of its kind: what a version lacked (no
   * signature, none by a trusted key, not every role the policy asks) it has from then. Absent
   * when no version was.
   */
  readonly ratified?: readonly Ratification[];
}

/** A version approved afterwards: `version` by the signers of version `in`, which ratified it. */
export interface Ratification {
  readonly version: number;
  readonly in: number;
}

/** A log that verified: how many committed events and versions it holds, and its head. */
export interface VerifiedLog {
  readonly events: number;
  readonly versions: number;
  /** The log's head (the last commit record's hash; 64 zeros for an empty log): keep it elsewhere to detect a log cut short. */
  readonly lastHash: string;
}

/** The verified log, or its first problem: core's Result, its error a LogError. */
export type VerifyResult = Result<VerifiedLog, LogError>;

/**
 * Verifies a log from its text; see {@link auditLog}. The first problem, or the log's size and head.
 */
export function verifyLog(text: LogText, options: VerifyOptions = {}): VerifyResult {
  const audit = auditLog(text, options);
  const first = audit.problems[0];
  if (first) return { ok: false, error: first };
  return { ok: true, value: { events: audit.events, versions: audit.versions, lastHash: audit.head } };
}

/**
 * Verifies a log (v1, v2, or v1 followed by v2) from its text and names the first line that fails:
 * - everything parseLog checks (JSON, schema, seq and version order, commit records that count
 *   their version's events, time not going backwards);
 * - the hash chain through event lines and commit records alike: `prev` is the hash of the line
 *   before (CHAIN_BROKEN) and `hash` is the sha256 of the line's canonical form without hash and
 *   signature (HASH_MISMATCH);
 * - the kind of each version allows its events (REVISION_KIND_MISMATCH, POK_CHANGES_CEILING,
 *   PLAN_SIGNED_REVISION_REQUIRED);
 * - every event applies to the plan (EVENT_NOT_APPLICABLE), and after every version the plan holds
 *   every invariant (INVARIANT_BROKEN, named on the version's last event line);
 * - the log ends with a committed version: event lines without their commit record
 *   (UNCOMMITTED_VERSION: a write cut short, or a log cut inside a version) or a last line cut
 *   short (TORN_LINE) fail;
 * - with `trust`, every version is signed (UNSIGNED_VERSION), by a trusted key (UNTRUSTED_KEY), and
 *   the signature holds (BAD_SIGNATURE): each such version is a problem of its own;
 * - with `expectHead`, the log ends at that head (HEAD_MISMATCH), so a log cut after a whole
 *   version is caught against a head kept elsewhere.
 */
export function auditLog(text: LogText, options: VerifyOptions = {}): LogAudit {
  return audit(new VersionReader(text, { chain: true }), options);
}

/**
 * {@link auditLog} of the versions a store holds, read as versions (not written out as text to
 * be read back): every line is checked as its line would be, numbered as it would be written
 * (serializeVersions). A v3 line's hash is taken over the line rapk writes for it.
 */
export function auditVersions(versions: Iterable<CommittedVersion>, options: VerifyOptions = {}): LogAudit {
  return audit(new VersionReader(versions, { chain: true }), options);
}

function audit(reader: VersionReader, options: VerifyOptions): LogAudit {
  const trust = options.trust;
  const trusted = trust ? new Set(trust.keys.map((key) => key.publicKey)) : undefined;
  const check = options.checkSignature ?? trust?.holds;
  const trustedRoster = trust ? trustRoster(trust.keys) : undefined;
  const anchor: RootAnchor | undefined = options.root !== undefined ? { keys: new Set([options.root]), named: "--root" } : trusted ? { keys: trusted, named: "the trust file" } : undefined;
  let founded = false;
  const heads: string[] = [];
  const problems: LogError[] = [];
  // The versions that lack only an approval, with what they lack, until a later version ratifies them.
  const awaiting = new Map<number, { kind: RevisionKind; problems: LogError[] }>();
  const ratified: Ratification[] = [];
  const ratifiedOnce = new Set<number>();
  const kinds: RevisionKind[] = [];
  let state = initialState();
  let events = 0;
  const result = (): LogAudit => ({ ok: problems.length === 0, events, versions: heads.length, head: heads[heads.length - 1] ?? GENESIS_HASH, problems, ...(ratified.length > 0 ? { ratified } : {}) });
  // What no ratification gave stays a problem of its version, in line order with the rest.
  const settle = () => {
    for (const { problems: lacking } of awaiting.values()) problems.push(...lacking);
    awaiting.clear();
    problems.sort((a, b) => a.line - b.line);
  };
  const stop = (problem: LogError): LogAudit => {
    settle();
    problems.unshift(problem);
    return result();
  };

  for (let version = reader.next(); version !== undefined; version = reader.next()) {
    // Found on this version: what only a later approval can mend (ratifiable), and the rest.
    const found: (LogError & { ratifiable?: boolean })[] = [];
    if (!version.commit && trusted)
      found.push({ line: version.firstLine, code: "UNSIGNED_VERSION", message: `version ${version.version} is a v1 version (written before commit records), which cannot carry a signature`, ratifiable: true });
    const before = state;
    const checked = checkVersion(version.events, version.firstLine, state, version.metadata.kind, true);
    if (!checked.ok) return stop(checked.problem);
    state = checked.state;
    events += version.events.length;
    heads.push(version.head);
    kinds.push(version.metadata.kind);
    const { commit } = version;
    let signed: Pick<VerifiedVersion, "signers" | "policy"> = {};
    if (commit) {
      // Once a plan has a roster, the roster says who may sign; trusted keys anchor its first version.
      const rostered = Object.keys(before.members).length > 0 || Object.keys(state.members).length > 0;
      founded ||= rostered;
      const signatures = signatureProblems(commit, check, rostered ? undefined : trusted);
      for (const problem of signatures.problems) found.push({ line: version.lastLine, ...problem });
      if (signatures.problems.length === 0) {
        const reading = readSigners(commit, signatures.good, version.events, before, state, trustedRoster, anchor);
        for (const problem of reading.problems) found.push({ line: version.lastLine, ...problem });
        signed = { signers: reading.signers, ...(reading.checked ? { policy: reading.problems.length === 0 ? "met" : "not met" } : {}) };
        if (found.length === 0) ratify(version, before, reading.checked ? reading.signers : undefined);
      }
    }
    if (found.length > 0 && found.every((problem) => problem.ratifiable)) awaiting.set(version.version, { kind: version.metadata.kind, problems: found.map(({ ratifiable: _, ...problem }) => problem) });
    else for (const { ratifiable: _, ...problem } of found) problems.push(problem);
    options.onVersion?.({ number: version.version, events: version.events, metadata: version.metadata, state, head: version.head, ...(commit ? { commit } : {}), ...signed });
  }

  settle();
  const end = reader.end;
  const first = end.committedLines + 1;
  // A fault on a line comes after any fault of the lines before it, read in the version it ends.
  if (end.open.length > 0) {
    const v1 = end.open[0]?.format === undefined;
    const checked = checkVersion(end.open, first, state, v1 ? (end.open[0] as StoredEvent).metadata.kind : undefined, false);
    if (!checked.ok) return stop(checked.problem);
  }
  if (end.error) return stop(end.error);
  if (end.torn) return stop({ line: end.lines, code: "TORN_LINE", message: `is cut short (no line break, not JSON): a write that did not finish; ${tailAdvice(end.open.length)}` });
  if (end.open.length > 0) {
    const last = first + end.open.length - 1;
    return stop({
      line: first,
      code: "UNCOMMITTED_VERSION",
      message: `version ${end.open[0]?.version} (lines ${first}-${last}, ${end.open.length} events) has no commit record, so it is not part of the log: a write that did not finish, or a log cut inside a version; ${tailAdvice(end.open.length)}`,
    });
  }
  if (options.root !== undefined && !founded)
    problems.push({ line: end.lines, code: "ROOT_NOT_TRUSTED", message: "the log keeps no roster, so nothing in it is signed under the root key --root names" });
  const head = heads[heads.length - 1] ?? GENESIS_HASH;
  if (options.expectHead !== undefined && options.expectHead !== head) {
    const at = heads.indexOf(options.expectHead);
    problems.unshift({
      line: end.lines,
      code: "HEAD_MISMATCH",
      message:
        at >= 0
          ? `the log ends at head ${head} (version ${heads.length}), not at the expected head ${options.expectHead}, which is version ${at + 1}'s: the log has ${heads.length - at - 1} version(s) more than expected`
          : `the log ends at head ${head} (version ${heads.length}), not at the expected head ${options.expectHead}, which no version of this log has: the log was cut short or rewritten`,
    });
  }
  return result();

  /**
   * A version that verified, signed as it had to be, ratifying the versions up to `through`
   * (VersionsRatified): each is approved by its signers when they hold every role the policy asks
   * of its kind (with no roster to read roles from, the ratification's signature, trusted when
   * keys are, is the approval), and what it lacked for want of an approval it has now. A ratification that names
   * a version not before it, or a head that version does not have, is RATIFICATION_MISMATCH.
   */
  function ratify(version: ReadVersion, before: PlanState, signers: readonly Signer[] | undefined): void {
    for (const [i, event] of version.events.entries()) {
      if (event.type !== "VersionsRatified") continue;
      const { through, head } = event.data;
      if (through >= version.version || heads[through - 1] !== head) {
        problems.push({
          line: version.firstLine + i,
          code: "RATIFICATION_MISMATCH",
          message:
            through >= version.version
              ? `version ${version.version} ratifies versions up to ${through}, which do not come before it`
              : `version ${version.version} ratifies version ${through} with head ${head}, but version ${through}'s head is ${heads[through - 1]}: it ratifies another log, or this one was changed`,
        });
        continue;
      }
      const roles = signers?.flatMap((signer) => (signer.role ? [signer.role] : []));
      const policy = policyOf(before);
      for (let number = 1; number <= through; number++) {
        if (ratifiedOnce.has(number) || (roles && missingApprovals(policy[kinds[number - 1] as RevisionKind], roles).length > 0)) continue;
        ratifiedOnce.add(number);
        awaiting.delete(number);
        ratified.push({ version: number, in: version.version });
      }
    }
  }
}

type Checked = { readonly ok: true; readonly state: PlanState } | { readonly ok: false; readonly problem: LogError };

/**
 * A version's events on lines `firstLine`.., from the plan `before`: the kind of the version
 * allows each (when the kind is known: a version cut short before its commit record has none),
 * each applies, and (`complete`) the plan after it holds every invariant. The first line at fault.
 */
function checkVersion(events: readonly StoredEvent[], firstLine: number, before: PlanState, kind: RevisionKind | undefined, complete: boolean): Checked {
  let breach: { index: number; code: ErrorCode; message: string } | undefined;
  if (kind !== undefined)
    for (let i = 0; i < events.length && !breach; i++) {
      const found = kindBreach((events[i] as StoredEvent).type, kind, before);
      if (found) breach = { index: i, ...found };
    }
  const folded = foldRange(events, 0, breach?.index ?? events.length, before);
  if (!folded.ok) return { ok: false, problem: { line: firstLine + folded.index, code: folded.error.code, message: folded.error.message } };
  if (breach) return { ok: false, problem: { line: firstLine + breach.index, code: breach.code, message: breach.message } };
  if (!complete) return { ok: true, state: folded.state };
  // The plan held every invariant before this version (a version that broke one stops the walk),
  // so only what the version changed is checked.
  const lastLine = firstLine + events.length - 1;
  const violation = checkInvariantsSince(before, folded.state)[0];
  if (violation)
    return { ok: false, problem: { line: lastLine, code: "INVARIANT_BROKEN", message: `after version ${events[0]?.version} (lines ${firstLine}-${lastLine}): ${violation.code}: ${violation.message}` } };
  return { ok: true, state: folded.state };
}

function tailAdvice(events: number): string {
  return `\`rapk repair\` cuts the log back to its last committed version${events > 0 ? ` (removing ${events} uncommitted event line(s))` : ""}`;
}

/**
 * What is wrong with a version's signatures: each one that does not hold (BAD_SIGNATURE, with or
 * without trusted keys), or that could not be checked (SIGNATURE_UNCHECKED); with trusted keys,
 * a version no trusted key signed (UNSIGNED_VERSION, UNTRUSTED_KEY).
 */
function signatureProblems(commit: CommitRecord, check: SignatureCheck | undefined, trusted: ReadonlySet<string> | undefined): { problems: SignerProblem[]; good: CommitSignature[] } {
  const problems: SignerProblem[] = [];
  const signatures = signaturesOf(commit);
  const good: CommitSignature[] = [];
  for (const signature of signatures) {
    if (!check) {
      problems.push({ code: "SIGNATURE_UNCHECKED", message: `version ${commit.commit} is signed by key ${signature.publicKey}, but this reader was given no Ed25519 check, so the signature cannot be taken as good` });
      continue;
    }
    if (check(signature, commit.hash)) good.push(signature);
    else
      problems.push({
        code: "BAD_SIGNATURE",
        message: `version ${commit.commit}'s signature by key ${signature.publicKey} does not hold for its head ${commit.hash}: the version, or a line before it, was changed after it was signed, or the signature was copied from another version or log`,
      });
  }
  if (!trusted || problems.length > 0) return { problems, good };
  if (signatures.length === 0) return { problems: [{ code: "UNSIGNED_VERSION", message: `version ${commit.commit} is not signed`, ratifiable: true }], good };
  if (!good.some((s) => trusted.has(s.publicKey)))
    return { problems: [{ code: "UNTRUSTED_KEY", message: `version ${commit.commit} is signed by key ${good.map((s) => s.publicKey).join(", ")}, which is not among the trusted keys`, ratifiable: true }], good };
  return { problems: [], good };
}

/** What a reader will make of a version not yet written: who signed it, and the problems verify would name. */
export interface NextVersionReading {
  readonly signers: readonly Signer[];
  readonly problems: readonly Omit<LogError, "line">[];
}

/**
 * Reads a sealed (and signed) version as verify will read it once it is appended to a log whose
 * plan is `before`: its signatures, and who signed it against the roster and the policy. A writer
 * asks before it writes, so that it never appends a version that makes its log fail to verify
 * (a key the roster does not know, an approval the policy lacks).
 */
export function readNextVersion(version: CommittedVersion, before: PlanState, checkSignature: SignatureCheck): NextVersionReading {
  const { commit } = version;
  if (!commit) return { signers: [], problems: [] };
  const checked = checkVersion(version.events, 1, before, version.metadata.kind, true);
  if (!checked.ok) return { signers: [], problems: [{ code: checked.problem.code, message: checked.problem.message }] };
  const signatures = signatureProblems(commit, checkSignature, undefined);
  if (signatures.problems.length > 0) return { signers: [], problems: signatures.problems };
  const reading = readSigners(commit, signatures.good, version.events, before, checked.state, undefined, undefined);
  return { signers: reading.signers, problems: reading.problems };
}
