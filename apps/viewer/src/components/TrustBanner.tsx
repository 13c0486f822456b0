import { useI18n } from "../i18n/i18n.js";
import { fingerprintOf } from "@rapk/history";
import type { Pins, Verification } from "../model/source.js";

/** The codes of a signature that does not hold or cannot be taken as good (history's verifyLog). */
const SIGNATURE_CODES = new Set(["BAD_SIGNATURE", "SIGNATURE_UNCHECKED", "UNSIGNED_VERSION", "UNTRUSTED_KEY"]);
/** The codes of signers the roster and the policy of the time do not allow (history's readSigners). */
const POLICY_CODES = new Set(["POLICY_NOT_MET", "UNKNOWN_SIGNER", "ROLE_NOT_ALLOWED", "SIGNER_MISMATCH", "REFERENCE_REQUIRED"]);
/** The codes of a log that does not match what the reader pinned it to (a root key, the head it must end at). */
const PIN_CODES = new Set(["ROOT_NOT_TRUSTED", "HEAD_MISMATCH"]);
// Enough to see what is wrong; a log forged throughout would otherwise fill the page.
const SHOWN_PROBLEMS = 20;

/**
 * Whether the history can be trusted. A log that fails any check (a line edited, removed or
 * reordered; a version that breaks an invariant; a signature that does not hold; a version its
 * signers could not put in force) is announced as an alert naming the first problem and listing
 * the others. `signatures` is how many signatures were checked and hold; `pins`, what the log was
 * checked against besides (a root key, the head it must end at), said when it verified.
 */
export function TrustBanner({ verification, signatures = 0, pins = {} }: { verification: Verification | null; signatures?: number; pins?: Pins | undefined }) {
  const { t } = useI18n();
  const pinned = [...(pins.root ? [t.pinnedRoot(fingerprintOf(pins.root))] : []), ...(pins.expectHead ? [t.pinnedHead(`${pins.expectHead.slice(0, 16)}…`)] : [])];
  if (verification === null)
    return (
      <p class="trust info" role="status">
        {t.importedNoChain}
      </p>
    );
  if (verification.ok)
    return (
      <p class="trust ok" role="status">
        <span aria-hidden="true">✓ </span>
        {t.chainVerified(verification.value.events, verification.value.versions)}
        {signatures > 0 && <> {t.signaturesVerified(signatures)}</>}
        {pinned.length > 0 && <> {t.pinned(pinned.join(", "))}</>}{" "}
        <span class="last-hash">
          {t.lastHash}: <code title={verification.value.lastHash}>{verification.value.lastHash.slice(0, 16)}…</code>
        </span>
      </p>
    );
  const { error } = verification;
  const others = (verification.problems ?? [error]).slice(1);
  const headline = SIGNATURE_CODES.has(error.code) ? t.signatureBroken : POLICY_CODES.has(error.code) ? t.policyBroken : PIN_CODES.has(error.code) ? t.pinBroken : t.chainBroken;
  return (
    <div class="trust broken" role="alert">
      <p>
        <strong>
          <span aria-hidden="true">⚠ </span>
          {headline(error.line)} <span class="not-verified">{t.notVerified}</span>
        </strong>
      </p>
      <p>
        <code>{error.code}</code> {error.message}
      </p>
      {others.length > 0 && (
        <>
          <p>{t.otherProblems(others.length)}</p>
          <ul class="problems">
            {others.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
              <li key={i}>
                {t.atLine(problem.line)}: <code>{problem.code}</code> {problem.message}
              </li>
            ))}
            {others.length > SHOWN_PROBLEMS && <li>…</li>}
          </ul>
        </>
      )}
      <p class="refused">{t.downloadsRefused}</p>
    </div>
  );
}
