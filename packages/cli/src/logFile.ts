import { isRapkError } from "@rapk/core";
import { type CommittedVersion, type History, type LogText, type StoredEvent, type VerifiedVersion, historyOf, openHistory, parseLog } from "@rapk/history";
import { CliError, exitOf, isCliError } from "./cliError.js";
import type { Io } from "./io.js";
import { type LogTarget, openTarget } from "./logTarget.js";
import { LargeLogFile, type LogFileText, namingLine, readLogText, textOf } from "./logText.js";
import { type ReadVerification, verifyRead } from "./verifiedRead.js";

export interface LoadedLog {
  /** The log as the user named it (a path or a store URL), for messages. */
  readonly file: string;
  /** A log file's text, as read (a store's versions are read as versions, never written out as text; a file too large to read whole is read in pieces and has none). */
  readonly text?: string;
  readonly events: readonly StoredEvent[];
  /** The committed versions, each with its head (commit record hash, or last event hash in a v1 log). */
  readonly versions: readonly CommittedVersion[];
  readonly history: History;
  readonly target: LogTarget;
  /** Verified, or (only with `--unverified`) its first problem, which every output then carries. */
  readonly verification: ReadVerification;
  /** Who signed each version (`readings[n - 1]`), as the roster of the time knows them, and whether the policy was met; empty for a log shown unverified. */
  readonly readings: readonly SignerReading[];
}

/** Who signed a version and what the policy made of it, as the verifying read found. */
/** `ratifiedIn`: the version whose signers approved it afterwards (rapk ratify). */
export type SignerReading = Pick<VerifiedVersion, "signers" | "policy"> & { readonly ratifiedIn?: number };

/** How a command reads a log: verified (the default), or shown whatever fails, marked (`--unverified`). */
export interface ReadOptions {
  readonly unverified?: boolean;
  /** What the refusal of a log that does not verify says it is (a writer: "so nothing was appended"). */
  readonly refusal?: string;
}

/** Parses a log's text; a bad line becomes an error naming the file and that line. An uncommitted tail is left out. */
export function parseLogText(file: string, text: LogText): { events: readonly StoredEvent[]; versions: readonly CommittedVersion[] } {
  const parsed = namingLine(file, () => parseLog(text));
  if (!parsed.ok) throw new CliError(`${parsed.error.code}: ${parsed.error.message}`, { file, line: parsed.error.line, code: parsed.error.code });
  return parsed.value;
}

/**
 * Reads a log for reading commands: a file (a plain path or `file:`) is read whole and parsed (in
 * pieces when it is too large to hold whole: logText.ts);
 * a store URL is read version by version. Readers take no lock: a file is only ever appended to,
 * and a reader sees it up to its last commit record (a version still being written is left out).
 * Every read verifies the log as `rapk verify` does (chain, signatures, kinds, invariants) and
 * refuses one that fails, unless told `unverified` (verifiedRead.ts).
 */
export async function loadLog(io: Io, file: string, options: ReadOptions = {}): Promise<LoadedLog> {
  const target = await openTarget(io, file);
  try {
    return await loadFrom(io, file, target, options);
  } finally {
    await target.store.close();
  }
}

/** loadLog on a target already open, which stays open (a writer appends to it next). */
export async function loadFrom(io: Io, file: string, target: LogTarget, options: ReadOptions = {}): Promise<LoadedLog> {
  if (target.path) {
    const text = await readLogText(io, file.startsWith("file:") ? target.path : file);
    try {
      return { file, ...(typeof text === "string" ? { text } : {}), target, ...readLog(io, file, text, options) };
    } finally {
      if (text instanceof LargeLogFile) text.closeAll();
    }
  }
  return { file, target, ...readLog(io, target.label, await readPlanVersions(target), options) };
}

/** The versions of the plan a store URL names, which must hold one. */
export async function readPlanVersions(target: LogTarget): Promise<CommittedVersion[]> {
  const versions = await readVersions(target);
  // A file that does not exist is an error of its own; a plan the store does not hold must be too,
  // or a typo after # would show an empty plan and exit 0.
  if (versions.length === 0)
    throw new CliError(`holds no plan ${JSON.stringify(target.plan)} (or it has no committed version yet): \`rapk plans\` lists the plans a store holds`, { file: target.label, code: "PLAN_NOT_FOUND" });
  return versions;
}

/**
 * The one reading of a log: verified (verifiedRead.ts), each version handed over with the plan
 * after it, which the history is opened on without a replay. Only a log that does not verify,
 * shown anyway (`--unverified`), is read again for what it claims, and replayed.
 */
function readLog(io: Io, file: string, log: LogFileText | readonly CommittedVersion[], options: ReadOptions): Pick<LoadedLog, "events" | "versions" | "history" | "verification" | "readings"> {
  const verified: VerifiedVersion[] = [];
  const verification = warned(io, file, verifyRead(file, isVersions(log) ? log : textOf(log), { unverified: options.unverified, refusal: options.refusal, onVersion: (version) => verified.push(version) }));
  if (verification.ok) {
    const history = historyOf(verified);
    const versions = verified.map(({ number, events, metadata, head, commit }): CommittedVersion => ({ version: number, events, metadata, head, ...(commit ? { commit } : {}) }));
    const ratifiedIn = new Map((verification.ratified ?? []).map((r) => [r.version, r.in]));
    const readings = verified.map(({ number, signers, policy }): SignerReading => ({
      ...(signers ? { signers } : {}),
      ...(policy ? { policy } : {}),
      ...(ratifiedIn.has(number) ? { ratifiedIn: ratifiedIn.get(number) } : {}),
    }));
    return { events: history.events, versions, history, verification, readings };
  }
  const { events, versions } = isVersions(log) ? { events: log.flatMap((version) => version.events), versions: log } : parseLogText(file, textOf(log));
  return { events, versions, history: openHistoryOf(file, events), verification, readings: [] };
}

const isVersions = (log: LogFileText | readonly CommittedVersion[]): log is readonly CommittedVersion[] => Array.isArray(log);

/** An unverified log's problem, said on stderr too: an output written to a file carries it, but the one who asked must hear it. */
function warned(io: Io, file: string, verification: ReadVerification): ReadVerification {
  if (!verification.ok) io.stderr.write(`rapk: warning: ${file}:${verification.problem.line}: NOT VERIFIED: ${verification.problem.code}: ${verification.problem.message}\n`);
  return verification;
}

/** Every committed version of the target's plan; a store's refusal becomes an error naming the log. */
export async function readVersions(target: LogTarget): Promise<CommittedVersion[]> {
  const versions: CommittedVersion[] = [];
  try {
    for await (const version of target.store.read(target.plan)) versions.push(version);
  } catch (error) {
    throw storeFailure(target.label, error);
  }
  return versions;
}

/** A store's error as the CLI reports it: a conflict or a held lock is exit 3, a store that is gone 4, a refusal of the system 5 (cliError's exitOf), the rest exit 1. The CLI's own errors pass as they are. */
export function storeFailure(label: string, error: unknown): unknown {
  if (!isRapkError(error) || isCliError(error)) return error;
  const exit = exitOf(error.code);
  // A conflict's message already begins "conflict on plan ...".
  const why = error.code === "CONFLICT" ? error.message : error.code === "LOCKED" ? `conflict: ${error.message}` : `${error.code}: ${error.message}`;
  return new CliError(why, { file: label, code: error.code }, exit);
}

/** Opens a parsed log for time travel; an event that cannot be replayed names its line. */
export function openHistoryOf(file: string, events: readonly StoredEvent[]): History {
  try {
    return openHistory(events);
  } catch (error) {
    if (isRapkError(error)) {
      const line = (error as { line?: number }).line;
      throw new CliError(`${error.code}: ${error.message}`, line === undefined ? { file, code: error.code } : { file, line, code: error.code });
    }
    throw error;
  }
}
