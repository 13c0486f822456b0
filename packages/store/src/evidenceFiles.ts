import { EVIDENCE_MAX_BYTES } from "@rapk/core";
import { StoreError } from "./eventStore.js";

/**
 * The evidence files a plan's reports cite (bukti dukung), kept by their SHA-256 beside its log:
 * the file store in a folder next to the log file, PostgreSQL in a table, memory in a map. A
 * file is written before the version that cites it, and once: its digest is its name, so writing
 * it again changes nothing, and a version that did not land leaves a file no event names, never
 * an event naming a file that is not there.
 */
export interface EvidenceFiles {
  /** Keeps the bytes under their digest (64 lowercase hex digits), which the caller computed; at most 20 MB. */
  putEvidence(plan: string, sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes kept under the digest, or undefined when the store holds none. */
  getEvidence(plan: string, sha256: string): Promise<Uint8Array | undefined>;
}

/** The checks every store makes before it keeps a file: a digest it can name a file by, and the size bound. */
export function checkEvidence(plan: string, sha256: string, bytes: Uint8Array): void {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new StoreError("VERSION_INVALID", `evidence digest ${JSON.stringify(sha256.slice(0, 70))} is not 64 lowercase hex digits`, plan);
  if (bytes.byteLength > EVIDENCE_MAX_BYTES) throw new StoreError("EVIDENCE_TOO_LARGE", `an evidence file of ${bytes.byteLength} bytes is larger than 20 MB, the most rapk keeps`, plan);
}
