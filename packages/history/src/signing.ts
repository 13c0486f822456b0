/**
 * `@rapk/history/signing`: Ed25519 keys and signatures of versions. An entry point of its own so
 * that only the programs that sign or check signatures load the curve code.
 * @packageDocumentation
 */
export { type SigningKey, generateSigningKey, publicKeyOf, signVersion, signatureHolds, trusting } from "./signature.js";
export type { Trust, TrustedKey } from "./trust.js";
