import type { CommitRecord } from "./commit.js";

/** A public key someone trusts to sign versions: `{"name", "publicKey"}` (hex), as `rapk keygen` prints it. */
export interface TrustedKey {
  readonly name: string;
  readonly publicKey: string;
}

/**
 * What verifying signatures takes: the trusted keys and the check of one commit record's signature.
 * The check is passed in (see `trusting` in `@rapk/history/signing`) so that the chain verifier
 * does not pull Ed25519 into every bundle that verifies a log.
 */
export interface Trust {
  readonly keys: readonly TrustedKey[];
  /** Whether the commit record's signature is a valid signature of its hash by its public key. */
  readonly holds: (commit: CommitRecord) => boolean;
}
