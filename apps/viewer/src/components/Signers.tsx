import type { ProposalStatus } from "@rapk/core";
import type { Dictionary } from "../i18n/dictionary.js";
import { useI18n } from "../i18n/i18n.js";
import { formatBytes } from "../model/limits.js";
import { type EvidenceChecked, type ProposalStep, type VersionSigning, signerText } from "../model/signing.js";

/** What a proposal step says: "usulan 2 oleh siti · menunggu persetujuan", "usulan 1 disetujui oleh kepala: …". */
export function stepText(step: ProposalStep, t: Dictionary, status: ProposalStatus | undefined): string {
  if (step.step === "proposed") return `${t.proposed(step.proposal, step.by)}${status ? ` · ${t.proposalStatus[status] ?? status}` : ""}`;
  return `${t.decided(step.proposal, t.proposalStatus[step.step] ?? step.step, step.by)}${step.reason ? `: ${step.reason}` : ""}`;
}

/**
 * Who signed a version and whether that met the policy (where the log keeps a roster), with a
 * warning for a signature that does not hold and for a version its signers could not put in force; and its proposal steps, a proposal still waiting marked as
 * such (`statusOf`: where each proposal stands now, in the newest version).
 */
export function VersionSigners({
  signing,
  statusOf,
  signedLog,
  evidenceChecked,
}: {
  signing: VersionSigning | undefined;
  statusOf: (proposal: number) => ProposalStatus | undefined;
  signedLog: boolean;
  /** What the Evidence tab found of the files given, once they were checked: said beside each file cited. */
  evidenceChecked?: EvidenceChecked | null | undefined;
}) {
  const { t } = useI18n();
  if (!signing) return null;
  const { signers, unproven, policy, steps, evidence } = signing;
  return (
    <>
      {(signers.length > 0 || unproven.length > 0 || signedLog) && (
        <span class="v-signers">
          {signers.length > 0 ? `${t.signedBy} ${signers.map((signer) => signerText(signer, (role) => t.role[role] ?? role)).join(", ")}` : unproven.length === 0 ? t.notSigned : ""}
          {unproven.length > 0 && <span class="v-warn">{` ⚠ ${t.unproven}: ${unproven.join(", ")}`}</span>}
          {policy === "met" && ` · ${t.policyMet}`}
          {policy === "not met" && <span class="v-warn">{` ⚠ ${t.policyNotMet}`}</span>}
        </span>
      )}
      {steps.map((step) => {
        const status = step.step === "proposed" ? statusOf(step.proposal) : undefined;
        return (
          <span key={`${step.proposal}-${step.step}`} class={status === "pending" ? "v-step pending" : "v-step"}>
            {stepText(step, t, status)}
          </span>
        );
      })}
      {evidence.map((file) => {
        const found = evidenceChecked?.get(file.sha256);
        return (
          <span key={file.sha256} class="v-evidence" title={`SHA-256 ${file.sha256}`}>
            {t.evidence(file.name, file.mediaType, formatBytes(file.size), file.sha256.slice(0, 16))}
            {found === "present" && ` · ${t.evidencePresent}`}
            {(found === "missing" || found === "changed") && <span class="v-warn">{` ⚠ ${found === "missing" ? "EVIDENCE_MISSING" : "EVIDENCE_CHANGED"}`}</span>}
          </span>
        );
      })}
    </>
  );
}
