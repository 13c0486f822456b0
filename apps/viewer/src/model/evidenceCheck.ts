import type { EvidenceRef } from "@rapk/core";
import type { Digest } from "../worker/fileDigest.js";
import type { VersionSigning } from "./signing.js";

/** A file the log's reports cite, with the versions that cite it (a proposal's, then its approval's). */
export interface CitedFile {
  readonly ref: EvidenceRef;
  readonly versions: readonly number[];
}

/** Every file the log's versions cite as evidence (`signing[n - 1]` for version n), once each by digest, in the order first cited. */
export function citedFiles(signing: readonly VersionSigning[]): CitedFile[] {
  const cited = new Map<string, { ref: EvidenceRef; versions: number[] }>();
  signing.forEach((version, i) => {
    for (const ref of version.evidence) {
      const known = cited.get(ref.sha256);
      if (known) known.versions.push(i + 1);
      else cited.set(ref.sha256, { ref, versions: [i + 1] });
    }
  });
  return [...cited.values()];
}

/**
 * What the files given say of a cited one, with the codes and words of `rapk verify`
 * (packages/cli/src/evidence.ts, checkEvidenceFiles): there and hashing to its digest (its bytes,
 * to hand out as they were checked), not given (EVIDENCE_MISSING), or given and not those bytes
 * (EVIDENCE_CHANGED). `file` is the path of the file that was checked.
 */
export type EvidenceStatus =
  | { readonly kind: "present"; readonly file: string; readonly bytes: Uint8Array }
  | { readonly kind: "missing"; readonly code: "EVIDENCE_MISSING"; readonly message: string }
  | { readonly kind: "changed"; readonly code: "EVIDENCE_CHANGED"; readonly message: string; readonly file: string };

export const missingMessage = (ref: EvidenceRef) => `the report cites evidence ${JSON.stringify(ref.name)} (SHA-256 ${ref.sha256}), which is not kept beside the log`;
export const changedMessage = (ref: EvidenceRef) => `the evidence ${JSON.stringify(ref.name)} kept under SHA-256 ${ref.sha256} no longer hashes to it: the file was changed after it was recorded`;

/** Where a file given sits: its path in the folder chosen (`plan.evidence/<sha256>`), else its name. */
export const pathOf = (file: File): string => file.webkitRelativePath || file.name;

/**
 * The file given for a cited one: the file store keeps evidence under its digest
 * (`<log>.evidence/<sha256>`, packages/store's evidenceFolder), so a file of that name is the one
 * kept and is the one checked; only where none is given, a file of the name the report records
 * (the original, chosen by hand).
 */
export function fileFor(ref: EvidenceRef, files: readonly File[]): File | undefined {
  return files.find((file) => file.name === ref.sha256) ?? files.find((file) => file.name === ref.name);
}

// Each file read and hashed once, however often the panel is shown again.
const read = new WeakMap<File, Promise<{ sha256: string; bytes: Uint8Array }>>();

/** Checks a cited file against the files given: read (never more than its recorded size says) and hashed by `digest`. */
export async function checkCited(ref: EvidenceRef, files: readonly File[], digest: Digest): Promise<EvidenceStatus> {
  const file = fileFor(ref, files);
  if (!file) return { kind: "missing", code: "EVIDENCE_MISSING", message: missingMessage(ref) };
  const changed = { kind: "changed", code: "EVIDENCE_CHANGED", message: changedMessage(ref), file: pathOf(file) } as const;
  // Another size is other bytes: said without reading a file that may be large.
  if (file.size !== ref.size) return changed;
  let hashed = read.get(file);
  if (!hashed) {
    hashed = file.arrayBuffer().then(async (buffer) => {
      const bytes = new Uint8Array(buffer);
      return { sha256: await digest(bytes), bytes };
    });
    read.set(file, hashed);
  }
  const { sha256, bytes } = await hashed;
  return sha256 === ref.sha256 && bytes.byteLength === ref.size ? { kind: "present", file: pathOf(file), bytes } : changed;
}
