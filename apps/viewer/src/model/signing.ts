import type { EvidenceRef, ProposalStatus } from "@rapk/core";
import { type Signer, type VerifiedVersion, fingerprintOf, signaturesOf } from "@rapk/history";

/** What a proposal step of a version did: proposed it, or decided it (approved, returned with a reason, withdrawn). */
export type ProposalStep =
  | { readonly proposal: number; readonly step: "proposed"; readonly by: string; readonly kind: string }
  | { readonly proposal: number; readonly step: Exclude<ProposalStatus, "pending">; readonly by: string; readonly reason?: string };

/**
 * Who signed a version, as the worker's verification read it (history's auditLog with the Ed25519
 * check): the signatures that hold, each with the member, role and fingerprint the roster of the
 * time gives its key, and whether the policy was met. `unproven` are the keys of signatures that
 * do not hold (or were not checked): shown as claimed, never as signers.
 */
export interface VersionSigning {
  readonly signers: readonly Signer[];
  readonly unproven: readonly string[];
  /** Absent when no policy applied (a log without a roster). */
  readonly policy?: "met" | "not met";
  readonly steps: readonly ProposalStep[];
  /** The files its reports cite as evidence (bukti dukung), by name, media type, size and SHA-256; a proposal's, in its commands. */
  readonly evidence: readonly EvidenceRef[];
}

/** What the check of the files given found of a cited one (EvidencePanel), by its SHA-256: present and intact, EVIDENCE_MISSING or EVIDENCE_CHANGED. */
export type EvidenceChecked = ReadonlyMap<string, "present" | "missing" | "changed">;

const DECIDED = { ProposalApproved: "approved", ProposalReturned: "returned", ProposalWithdrawn: "withdrawn" } as const;

/** The signing of a version verifyLog/auditLog handed over (onVersion). */
export function signingOf(version: VerifiedVersion): VersionSigning {
  const claimed = version.commit ? signaturesOf(version.commit) : [];
  const signers = version.signers ?? [];
  const held = new Set(signers.map((signer) => signer.publicKey));
  const steps: ProposalStep[] = [];
  const evidence = new Map<string, EvidenceRef>();
  const cite = (data: unknown) => {
    for (const file of (data as { evidence?: readonly EvidenceRef[] } | undefined)?.evidence ?? []) evidence.set(file.sha256, file);
  };
  for (const event of version.events) {
    const data = event.data as { proposal?: number; by?: string; kind?: string; reason?: string; commands?: readonly { data?: unknown }[] };
    cite(data);
    for (const command of data.commands ?? []) cite(command.data);
    if (event.type === "RevisionProposed") steps.push({ proposal: data.proposal!, step: "proposed", by: data.by!, kind: data.kind! });
    else if (event.type in DECIDED)
      steps.push({ proposal: data.proposal!, step: DECIDED[event.type as keyof typeof DECIDED], by: data.by!, ...(data.reason ? { reason: data.reason } : {}) });
  }
  return {
    signers,
    unproven: claimed.filter((signature) => !held.has(signature.publicKey)).map((signature) => fingerprintOf(signature.publicKey)),
    ...(version.policy ? { policy: version.policy } : {}),
    steps,
    evidence: [...evidence.values()],
  };
}

/**
 * A signer as `rapk log`, `verify` and a printed footer name one (the CLI's signerText): the
 * member's name and role with the key's fingerprint, `Siti Rahma (officer, ed25519:…)`, the role
 * in the words `roleName` gives; a key no roster held, by its fingerprint alone.
 */
export function signerText(signer: Signer, roleName: (role: string) => string = (role) => role): string {
  if (signer.member === undefined) return signer.fingerprint;
  return `${signer.name ?? signer.member} (${roleName(signer.role ?? "")}, ${signer.fingerprint})`;
}
