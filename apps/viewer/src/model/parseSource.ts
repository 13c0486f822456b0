import { initialState } from "@rapk/core";
import { type VerifyOptions, auditLog, carriesSignatures, parseLog, useSha256 } from "@rapk/history";
import { type DigestCheck, claimedHashes, deferredSha256 } from "./deferredSha256.js";
import { type FoldedHistory, foldHistory, versionCollector } from "./foldedHistory.js";
import { importRecord } from "./importRecord.js";
import { MAX_FILE_BYTES } from "./limits.js";
import type { LoadOutcome, Pins, Verification } from "./source.js";

/** What the check is given besides the text: the Ed25519 check and the pins. */
type AuditOptions = Pick<VerifyOptions, "checkSignature" | "root" | "expectHead">;

/** An event log is NDJSON: its first non-blank character opens a JSON object. */
function looksLikeLog(text: string): boolean {
  return /^\s*\{/.test(text);
}

/**
 * Opens the text of a file: an event log is verified and folded in one reading; a published table
 * (TXT) or the CSV template is imported into a one-version history with its findings. Pure, so
 * it runs the same in a Web Worker and in a test. Asynchronous only because the importer is
 * loaded when a table is first opened: most visits open logs, and the importer (with its date
 * parsing and CSV reader) would otherwise be a third of the first load. With `check`, the lines'
 * hashes are checked by it, in parallel with the rest of the verification (see verifyInParallel).
 *
 * Every signature a log carries is checked, and every version read against the roster and the
 * policy where the log keeps a roster, as `rapk verify` reads it (history's auditLog with
 * Ed25519): the curve code is loaded only for a log that carries signatures, so a visit that
 * opens an unsigned log never downloads it. `pins` are what the reader pinned the log to (a root
 * key, the head it must end at), checked as `rapk verify --root --expect-head` checks them.
 */
export async function parseSource(text: string, name: string, now?: () => string, check?: DigestCheck, pins: Pins = {}): Promise<LoadOutcome> {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: { code: "FILE_TOO_LARGE", message: `${name} is larger than the limit` } };
  if (text.trim() === "") return { ok: false, error: { code: "FILE_EMPTY", message: `${name} is empty` } };

  if (looksLikeLog(text)) {
    const signatures = carriesSignatures(text) ? (await import("@rapk/history/signing")).checkSignature : undefined;
    const options: AuditOptions = { ...(signatures ? { checkSignature: signatures } : {}), ...(pins.root ? { root: pins.root } : {}), ...(pins.expectHead ? { expectHead: pins.expectHead } : {}) };
    const { verification, folded } = check ? await verifyInParallel(text, check, options) : verifyOnce(text, options);
    let history: FoldedHistory;
    if (verification.ok) history = folded;
    else {
      // A log that does not verify is still shown, for what it claims, beside the alert: read
      // again without the checks that failed (only such a log is read twice).
      const parsed = parseLog(text);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      try {
        // Who signed the versions the verification read: the signatures it checked.
        history = { ...foldHistory(parsed.value.events), signing: folded.signing ?? [] };
      } catch {
        // Its events cannot even be applied: the verification names the line.
        return { ok: false, error: verification.error };
      }
    }
    return { ok: true, loaded: { name, origin: "log", history, verification, ...importRecord(history.versions) } };
  }
  const { importSource } = await import("./importSource.js");
  return importSource(text, name, now);
}

/**
 * One reading verifies the log and folds it: the versions and their states come with it. Every
 * problem is kept (the first first, as verifyLog names it), so the page can list them all.
 */
function verifyOnce(text: string, options: AuditOptions): { verification: Verification; folded: FoldedHistory } {
  const collector = versionCollector(initialState());
  const audit = auditLog(text, { ...options, onVersion: collector.onVersion });
  const [first] = audit.problems;
  const verification: Verification = first
    ? { ok: false, error: first, problems: audit.problems }
    : { ok: true, value: { events: audit.events, versions: audit.versions, lastHash: audit.head } };
  return { verification, folded: collector.folded() };
}

/**
 * {@link verifyOnce} with the sha256 of every line taken elsewhere (`check`: the worker's helper
 * worker) while this thread reads, validates and folds: hashing is a third of verifying a log,
 * and a second core takes it. The verifier is given the hashes the lines claim and every claim is
 * checked against the real digest of what the verifier hashed; when one is false the verdict is
 * void and the log is verified again with the real sha256, which names the line.
 */
async function verifyInParallel(text: string, check: DigestCheck, options: AuditOptions): Promise<{ verification: Verification; folded: FoldedHistory }> {
  const deferred = deferredSha256(claimedHashes(text), check);
  const real = useSha256(deferred.sha256);
  let result: ReturnType<typeof verifyOnce>;
  try {
    result = verifyOnce(text, options);
  } finally {
    useSha256(real);
  }
  return (await deferred.settled()) ? result : verifyOnce(text, options);
}
