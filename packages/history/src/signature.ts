import * as ed25519 from "@noble/ed25519";
import { sha512 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { type CommitSignature, type CommittedVersion, FORMAT_V3 } from "./commit.js";
import type { SignatureCheck, Trust, TrustedKey } from "./trust.js";

/** An Ed25519 key pair as hex: the secret key (32 bytes) and its public key (32 bytes). */
export interface SigningKey {
  readonly secretKey: string;
  readonly publicKey: string;
}

/**
 * @noble/ed25519 (5 KB, audited) with its SHA-512 from @noble/hashes, set where it is first
 * needed rather than on import, so that a reader that never signs carries no side effect.
 */
function ed(): typeof ed25519 {
  ed25519.hashes.sha512 ??= sha512;
  return ed25519;
}

/** A new Ed25519 key pair from the platform's secure random source. */
export function generateSigningKey(): SigningKey {
  const secret = ed().utils.randomSecretKey();
  return { secretKey: bytesToHex(secret), publicKey: bytesToHex(ed().getPublicKey(secret)) };
}

/** The public key of a secret key (hex); throws on a secret key that is not 32 bytes of hex. */
export function publicKeyOf(secretKey: string): string {
  return bytesToHex(ed().getPublicKey(secretBytes(secretKey)));
}

/** An Ed25519 signature of a version's head (the UTF-8 bytes of its 64 hex digits) by `secretKey`. */
export function signHead(head: string, secretKey: string): CommitSignature {
  const secret = secretBytes(secretKey);
  return { publicKey: bytesToHex(ed().getPublicKey(secret)), signature: bytesToHex(ed().sign(utf8ToBytes(head), secret)) };
}

/**
 * Signs a version's head: an Ed25519 signature of the UTF-8 bytes of the commit record's `hash`
 * (its 64 hex digits), added to the commit record's signatures (a v3 record: a second signer
 * co-signs; a v2 record holds one, which this replaces). Signatures are outside the hash, so
 * signing changes no hash.
 */
export function signVersion(version: CommittedVersion, secretKey: string): CommittedVersion {
  const commit = version.commit;
  if (!commit) throw new TypeError("only a version with a commit record (v2 or v3) can be signed");
  return addSignature(version, signHead(commit.hash, secretKey));
}

/**
 * Adds a signature made elsewhere (a member's browser, which keeps the secret key) to a version's
 * commit record, as {@link signVersion} adds its own. It is not checked here: the reader checks
 * every signature (`checkSignature`, `readNextVersion`).
 */
export function addSignature(version: CommittedVersion, signature: CommitSignature): CommittedVersion {
  const commit = version.commit;
  if (!commit) throw new TypeError("only a version with a commit record (v2 or v3) can be signed");
  if (commit.format !== FORMAT_V3) return { ...version, commit: { ...commit, signature } };
  const others = (commit.signatures ?? []).filter((s) => s.publicKey !== signature.publicKey);
  return { ...version, commit: { ...commit, signatures: [...others, signature] } };
}

/** Whether `signature` is a valid Ed25519 signature of `head` by its public key. */
export const checkSignature: SignatureCheck = (signature, head) => {
  try {
    return ed().verify(hexToBytes(signature.signature), utf8ToBytes(head), hexToBytes(signature.publicKey));
  } catch {
    return false;
  }
};

function secretBytes(secretKey: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/.test(secretKey)) throw new TypeError("an Ed25519 secret key is 64 lowercase hex digits (32 bytes)");
  return hexToBytes(secretKey);
}

/**
 * The trust `verifyLog` needs to check signatures: these keys, and Ed25519 to check them with.
 * Built here, in its own entry point, so that a reader that never checks signatures (the viewer)
 * does not carry the curve code.
 */
export function trusting(keys: readonly TrustedKey[]): Trust {
  return { keys, holds: checkSignature };
}
