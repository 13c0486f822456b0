import { type ErrorCode, type PlanState, type Result, checkInvariantsSince, initialState } from "@rapk/core";
import { type CommitRecord, type CommitSignature, FORMAT_V3, signaturesOf } from "./commit.js";
import { canonicalJson } from "./canonicalJson.js";
import { hashCommit, hashEvent, hashedPrefixOfLine, sha256Hex } from "./hash.js";
import { kindBreach } from "./kindPolicy.js";
import { LineReader } from "./lineReader.js";
import { LineCursor } from "./lines.js";
import type { LogError } from "./logError.js";
import { foldRange } from "./replayRange.js";
import { GENESIS_HASH, type StoredEvent } from "./storedEvent.js";
import type { SignatureCheck, Trust } from "./trust.js";

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
  /** The plan after the version. */
  readonly state: PlanState;
  /** The version's head: its commit record's hash (v2), its last event's (v1). */
  readonly head: string;
  /** Its commit record (v2, v3): its metadata and signatures, each of which has been checked. */
  readonly commit?: CommitRecord;
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

/** The version being read: its events wait to be applied, in one fold, when it is complete. */
interface OpenVersion {
  readonly number: number;
  readonly before: PlanState;
  readonly events: StoredEvent[];
  readonly lines: number[];
}

/**
 * Verifies a log from its text; see {@link auditLog}. The first problem, or the log's size and head.
 */
export function verifyLog(text: string, options: VerifyOptions = {}): VerifyResult {
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
export function auditLog(text: string, options: VerifyOptions = {}): LogAudit {
  const reader = new LineReader();
  const trust = options.trust;
  const trusted = trust ? new Set(trust.keys.map((key) => key.publicKey)) : undefined;
  const check = options.checkSignature ?? trust?.holds;
  let commitOfVersion: CommitRecord | undefined;
  const heads: string[] = [];
  const problems: LogError[] = [];
  let prev = GENESIS_HASH;
  let state = initialState();
  let open: OpenVersion | undefined;
  let events = 0;
  let head = GENESIS_HASH;
  let metadataJson: string | undefined;

  // Applies the open version's events; with `complete`, also checks what holds after a version.
  const close = (complete: boolean): LogError | undefined => {
    if (!open) return undefined;
    const version = open;
    open = undefined;
    const folded = foldRange(version.events, 0, version.events.length, version.before);
    if (!folded.ok) return { line: version.lines[folded.index] as number, code: folded.error.code, message: folded.error.message };
    state = folded.state;
    if (!complete) return undefined;
    const last = version.events[version.events.length - 1] as StoredEvent;
    const lastLine = version.lines[version.lines.length - 1] as number;
    const where = `after version ${version.number} (lines ${version.lines[0]}-${lastLine})`;
    // The plan held every invariant before this version (a version that broke one stops the walk),
    // so only what the version changed is checked.
    const violation = checkInvariantsSince(version.before, state)[0];
    if (violation) return { line: lastLine, code: "INVARIANT_BROKEN", message: `${where}: ${violation.code}: ${violation.message}` };
    events += version.events.length;
    heads.push(version.events.length > 0 && last.format === undefined ? last.hash : head);
    const commit = commitOfVersion;
    commitOfVersion = undefined;
    options.onVersion?.({ number: version.number, events: version.events, state, head: heads[heads.length - 1] as string, ...(commit ? { commit } : {}) });
    return undefined;
  };
  const result = (): LogAudit => ({ ok: problems.length === 0, events, versions: heads.length, head, problems });
  // A fault on a line comes after any fault of the lines before it, still waiting in the open version.
  const stop = (problem: LogError): LogAudit => {
    problems.unshift(close(false) ?? problem);
    return result();
  };

  const lines = new LineCursor(text);
  for (let line = lines.next(); line !== undefined; line = lines.next()) {
    const number = lines.number;
    const fail = (code: ErrorCode, message: string) => stop({ line: number, code, message });
    const read = reader.read(line, number, lines.foreign);
    if (!read.ok) {
      if (read.error.code === "INVALID_JSON" && lines.unterminated)
        return fail("TORN_LINE", `is cut short (no line break, not JSON): a write that did not finish; ${tailAdvice(reader.open().length)}`);
      return stop(read.error);
    }
    if (read.kind === "commit") {
      const commit = read.commit;
      if (commit.prev !== prev) return fail("CHAIN_BROKEN", `commit record's prev is ${commit.prev} but the line before has hash ${prev}`);
      // A v3 record's hash covers its bytes, which the reader found written as rapk writes them.
      const hash = commit.format === FORMAT_V3 ? sha256Hex(hashedPrefixOfLine(line) as string) : hashCommit(commit);
      if (commit.hash !== hash) return fail("HASH_MISMATCH", `hash is ${commit.hash} but the commit record's content hashes to ${hash}: the line was changed after it was written`);
      const version = open as OpenVersion;
      for (const [i, event] of version.events.entries()) {
        const breach = kindBreach(event.type, commit.metadata.kind, version.before);
        if (breach) return stop({ line: version.lines[i] as number, code: breach.code, message: breach.message });
      }
      prev = commit.hash;
      head = commit.hash;
      commitOfVersion = commit;
      const closed = close(true);
      if (closed) return stop(closed);
      for (const problem of signatureProblems(commit, check, trusted)) problems.push({ line: number, ...problem });
      continue;
    }
    const event = read.event;
    if (read.startsVersion) {
      // A v1 version ends where the next one starts; a v2 version ends at its commit record.
      if (open) {
        const closed = close(true);
        if (closed) return stop(closed);
      }
      open = { number: event.version, before: state, events: [], lines: [] };
      if (event.format === undefined && trusted)
        problems.push({ line: number, code: "UNSIGNED_VERSION", message: `version ${event.version} is a v1 version (written before commit records), which cannot carry a signature` });
    }
    if (event.prev !== prev) return fail("CHAIN_BROKEN", `prev is ${event.prev} but the line before has hash ${prev}${number === 1 ? " (the first line's prev is 64 zeros)" : ""}`);
    // A v1 batch writes the same metadata on every line: its canonical JSON is written once.
    if (event.format === undefined && !read.repeatsMetadata) metadataJson = canonicalJson(event.metadata);
    // A v3 line's hash covers its bytes before `,"hash":"<64 digits>"}`, the line's last 75 characters.
    const hash = event.format === FORMAT_V3 ? sha256Hex(line.slice(0, line.length - 75)) : hashEvent(event, metadataJson);
    if (event.hash !== hash) return fail("HASH_MISMATCH", `hash is ${event.hash} but the line's content hashes to ${hash}: the line was changed after it was written`);
    prev = event.hash;
    const version = open as OpenVersion;
    if (event.format === undefined) {
      const breach = kindBreach(event.type, event.metadata.kind, version.before);
      if (breach) return fail(breach.code, breach.message);
      head = event.hash;
    }
    version.events.push(event);
    version.lines.push(number);
  }
  if (open && open.events[0]?.format !== undefined) {
    const pending = open;
    const first = pending.lines[0] as number;
    const last = pending.lines[pending.lines.length - 1] as number;
    return stop({
      line: first,
      code: "UNCOMMITTED_VERSION",
      message: `version ${pending.number} (lines ${first}-${last}, ${pending.events.length} events) has no commit record, so it is not part of the log: a write that did not finish, or a log cut inside a version; ${tailAdvice(pending.events.length)}`,
    });
  }
  const closed = close(true);
  if (closed) return stop(closed);
  if (options.expectHead !== undefined && options.expectHead !== head) {
    const at = heads.indexOf(options.expectHead);
    problems.unshift({
      line: lines.number,
      code: "HEAD_MISMATCH",
      message:
        at >= 0
          ? `the log ends at head ${head} (version ${heads.length}), not at the expected head ${options.expectHead}, which is version ${at + 1}'s: the log has ${heads.length - at - 1} version(s) more than expected`
          : `the log ends at head ${head} (version ${heads.length}), not at the expected head ${options.expectHead}, which no version of this log has: the log was cut short or rewritten`,
    });
  }
  return result();
}

function tailAdvice(events: number): string {
  return `\`rapk repair\` cuts the log back to its last committed version${events > 0 ? ` (removing ${events} uncommitted event line(s))` : ""}`;
}

/**
 * What is wrong with a version's signatures: each one that does not hold (BAD_SIGNATURE, with or
 * without trusted keys), or that could not be checked (SIGNATURE_UNCHECKED); with trusted keys,
 * a version no trusted key signed (UNSIGNED_VERSION, UNTRUSTED_KEY).
 */
function signatureProblems(commit: CommitRecord, check: SignatureCheck | undefined, trusted: ReadonlySet<string> | undefined): Omit<LogError, "line">[] {
  const problems: Omit<LogError, "line">[] = [];
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
  if (!trusted || problems.length > 0) return problems;
  if (signatures.length === 0) return [{ code: "UNSIGNED_VERSION", message: `version ${commit.commit} is not signed` }];
  if (!good.some((s) => trusted.has(s.publicKey)))
    return [{ code: "UNTRUSTED_KEY", message: `version ${commit.commit} is signed by key ${good.map((s) => s.publicKey).join(", ")}, which is not among the trusted keys` }];
  return [];
}
