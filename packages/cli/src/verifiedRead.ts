import { type CommittedVersion, type LogError, type LogText, type Ratification, type Signer, type VerifiedVersion, auditLog, isLines, auditVersions, fingerprintOf, signaturesOf } from "@rapk/history";
import { checkSignature } from "@rapk/history/signing";
import { CliError } from "./cliError.js";
import type { LoadedLog } from "./logFile.js";
import { namingLine } from "./logText.js";

/**
 * How a reading command found the log it read: verified (the chain, every signature it carries,
 * the kinds and the invariants, as `rapk verify` checks them), or, with `--unverified`, the first
 * problem, which every output of the command then carries.
 */
export type ReadVerification = { readonly ok: true; readonly ratified?: readonly Ratification[] } | { readonly ok: false; readonly problem: LogError };

/** What a write cut short leaves after the last commit record: a reader sees the log up to that record, which verified. */
const TAIL = new Set(["UNCOMMITTED_VERSION", "TORN_LINE"]);

export interface VerifyReadOptions {
  readonly unverified?: boolean | undefined;
  /** What the refusal says the log is ("does not verify, so nothing was appended"). */
  readonly refusal?: string | undefined;
  /** Told of each version as it verifies (auditLog's onVersion): the reading that opens the log. */
  readonly onVersion?: ((version: VerifiedVersion) => void) | undefined;
}

/**
 * Verifies a log (its text, or a store's versions) before a command shows anything of it: a log that fails is refused,
 * naming its first problem (exit 1), unless `unverified`, when the problem is returned for the
 * output to carry. An uncommitted tail is not a fault here: readers leave it out.
 */
export function verifyRead(file: string, log: LogText | Iterable<CommittedVersion>, options: VerifyReadOptions = {}): ReadVerification {
  const { unverified = false, refusal = "does not verify", onVersion } = options;
  const verify = { checkSignature, ...(onVersion ? { onVersion } : {}) };
  const audit = namingLine(file, () => (typeof log === "string" || isLines(log) ? auditLog(log, verify) : auditVersions(log, verify)));
  const problem = audit.problems.find((p) => !TAIL.has(p.code));
  if (problem === undefined) return audit.ratified ? { ok: true, ratified: audit.ratified } : { ok: true };
  if (!unverified)
    throw new CliError(`${refusal}: ${problem.code}: ${problem.message} (rapk verify lists every problem${unverified ? "" : "; a reading command's --unverified shows the log anyway, every output marked NOT VERIFIED"})`, {
      file,
      line: problem.line,
      code: problem.code,
    });
  return { ok: false, problem };
}

/** The mark every output of an unverified log carries (undefined for a verified one). */
export function unverifiedMark(verification: ReadVerification): string | undefined {
  if (verification.ok) return undefined;
  const { line, code } = verification.problem;
  return `NOT VERIFIED (TIDAK TERVERIFIKASI): line ${line}: ${code}; this shows what the log claims, not a verified record`;
}

/**
 * A signer as readers show one: the member's name and role with the key's fingerprint (the first
 * 16 hex digits of the public key), `Siti Rahma (officer, ed25519:…)`; a key no roster holds by
 * the name a trust file gives it, or by its fingerprint alone.
 */
export function signerText(signer: Pick<Signer, "publicKey"> & Partial<Signer>, names?: ReadonlyMap<string, string>): string {
  const fingerprint = fingerprintOf(signer.publicKey);
  if (signer.member !== undefined) return `${signer.name} (${signer.role}, ${fingerprint})`;
  const name = names?.get(signer.publicKey);
  return name === undefined ? fingerprint : `${name} (${fingerprint})`;
}

/**
 * Who signed version `n`, every signature in order ("" for none; a v1 version cannot carry one):
 * as the verifying read knew them, or, for a log shown unverified, the keys its commit record claims.
 */
export function signersOf(log: Pick<LoadedLog, "versions" | "readings">, n: number, names?: ReadonlyMap<string, string>): string {
  const reading = log.readings[n - 1];
  const ratified = reading?.ratifiedIn === undefined ? "" : `ratified in version ${reading.ratifiedIn}`;
  const read = reading?.signers;
  if (read) return [read.map((signer) => signerText(signer, names)).join(", "), ratified].filter(Boolean).join("; ");
  if (ratified) return ratified;
  const commit = log.versions[n - 1]?.commit;
  return commit ? signaturesOf(commit).map((s) => signerText(s, names)).join(", ") : "";
}

/** The option every reading command takes. */
export const UNVERIFIED_OPTION = ["--unverified", "show the log even when it does not verify (a changed line, a bad signature): every output says NOT VERIFIED, and no head is printed as its own"] as const;

/** Text output of an unverified log: its mark before and after, so neither end of it reads as a record. */
export function markedText(verification: ReadVerification, text: string): string {
  const mark = unverifiedMark(verification);
  return mark === undefined ? text : `${mark}\n${text}${text.endsWith("\n") ? "" : "\n"}${mark}\n`;
}

/** JSON output of an unverified log: the problem beside what the log claims. */
export function markedJson<T extends object>(verification: ReadVerification, value: T): T | (T & { unverified: LogError }) {
  return verification.ok ? value : { ...value, unverified: verification.problem };
}

/** A workbook of an unverified log, stamped on every sheet (@rapk/report's stampWorkbook); a verified log's as it is. */
export async function markedWorkbook(verification: ReadVerification, bytes: Uint8Array): Promise<Uint8Array> {
  const mark = unverifiedMark(verification);
  if (mark === undefined) return bytes;
  const { stampWorkbook } = await import("@rapk/report");
  return stampWorkbook(bytes, mark);
}
