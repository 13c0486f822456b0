import { formatLongDate } from "../format.js";
import type { PrintProvenance } from "./printLayout.js";

/** The line at the foot of every printed page: version, effective date and the log's head hash. */
export function footerText(p: PrintProvenance): string {
  return `rapk · versi ${p.version} · berlaku ${formatLongDate(p.effectiveAt)} (${p.effectiveAt}) · hash kepala log ${p.headHash}`;
}
