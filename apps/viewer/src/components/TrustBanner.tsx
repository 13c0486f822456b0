import { useI18n } from "../i18n/i18n.js";
import type { Verification } from "../model/source.js";

/**
 * Whether the history can be trusted. A broken chain (a line edited, removed or reordered, or a
 * version that breaks an invariant) is announced as an alert naming the first bad line.
 */
export function TrustBanner({ verification }: { verification: Verification | null }) {
  const { t } = useI18n();
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
        {t.chainVerified(verification.value.events, verification.value.versions)}{" "}
        <span class="last-hash">
          {t.lastHash}: <code title={verification.value.lastHash}>{verification.value.lastHash.slice(0, 16)}…</code>
        </span>
      </p>
    );
  return (
    <div class="trust broken" role="alert">
      <p>
        <strong>
          <span aria-hidden="true">⚠ </span>
          {t.chainBroken(verification.error.line)}
        </strong>
      </p>
      <p>
        <code>{verification.error.code}</code> {verification.error.message}
      </p>
    </div>
  );
}
