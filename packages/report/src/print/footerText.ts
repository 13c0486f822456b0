import { formatLongDate } from "../format.js";
import type { PrintProvenance } from "./printLayout.js";

/**
 * The line at the foot of every printed page: version, effective date, the log's head hash and
 * who signed the version; for a log that did not verify, NOT VERIFIED and its problem instead of
 * any head.
 */
export function footerText(p: PrintProvenance): string {
  const version = `versi ${p.version} · berlaku ${formatLongDate(p.effectiveAt)} (${p.effectiveAt})`;
  if (p.unverified !== undefined) return `rapk · TIDAK TERVERIFIKASI / NOT VERIFIED: ${p.unverified} · ${version} · tanpa hash kepala log`;
  return `rapk · ${version} · hash kepala log ${p.headHash}${p.signers ? ` · ditandatangani ${p.signers}` : ""}`;
}
