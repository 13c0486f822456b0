/**
 * `@rapk/history/signing`: Ed25519 keys and signatures of versions. An entry point of its own so
 * that only the programs that sign or check signatures load the curve code.
 * @packageDocumentation
 */
export { type SigningKey, addSignature, checkSignature, generateSigningKey, publicKeyOf, signHead, signVersion, trusting } from "./signature.js";
export type { SignatureCheck, Trust, TrustedKey } from "./trust.js";
