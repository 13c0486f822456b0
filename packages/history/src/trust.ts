import type { Role } from "@rapk/core";
import type { CommitSignature } from "./commit.js";

/**
 * A public key someone trusts to sign versions: `{"name", "publicKey"}` (hex), as `rapk keygen`
 * prints it, with the `role` its holder has where the log keeps no roster of its own (a log
 * written before rosters is then checked against the policy with these roles).
 */
export interface TrustedKey {
  readonly name: string;
  readonly publicKey: string;
  readonly role?: Role;
}

/**
 * Whether a signature is a valid Ed25519 signature of a version's head (the UTF-8 bytes of its 64
 * hex digits) by its public key. Passed in (`checkSignature` of `@rapk/history/signing`) so that
 * the chain verifier does not pull Ed25519 into every bundle that verifies a log: a reader loads
 * it when a log carries signatures.
 */
export type SignatureCheck = (signature: CommitSignature, head: string) => boolean;

/**
 * What verifying against trusted keys takes: the keys, and the check of one signature (see
 * `trusting` in `@rapk/history/signing`).
 */
export interface Trust {
  readonly keys: readonly TrustedKey[];
  readonly holds: SignatureCheck;
}
