/**
 * @rapk/history: the event log of a RAPK as NDJSON with a sha256 hash chain; revisions decided
 * all-or-nothing and stamped with who, when, why and on whose authority; versions and time
 * travel (as-of); a structural diff of any two plan states; verification of a whole log.
 * Browser-safe: no Node built-ins.
 */
export * from "./canonicalJson.js";
export * from "./jsonKeys.js";
export * from "./storedEvent.js";
export * from "./commit.js";
export * from "./seal.js";
export * from "./logHead.js";
export type { SignatureCheck, Trust, TrustedKey } from "./trust.js";
export * from "./hash.js";
export * from "./sourceFile.js";
export * from "./serialize.js";
export * from "./logError.js";
export { ChunkedLineCursor, type Lines, type LogText, MAX_STREAMED_LINE_CHARS, isLines } from "./lines.js";
export * from "./versionReader.js";
export * from "./parseLog.js";
export * from "./foldLog.js";
export * from "./revision.js";
export * from "./appendRevision.js";
export * from "./version.js";
export * from "./history.js";
export { zoneOfLog } from "./logZone.js";
export * from "./summarizeVersion.js";
export * from "./historyError.js";
export { DEFAULT_CHECKPOINT_INTERVAL } from "./checkpoints.js";
export * from "./diff/change.js";
export * from "./diff/diffStates.js";
export * from "./diff/describe.js";
export * from "./diff/changeCells.js";
export * from "./verifyLog.js";
export { type Signer, type SignerProblem, fingerprintOf } from "./signers.js";
export { instantOf } from "./instant.js";
export * from "./describeSteps.js";
export { evidenceCited } from "./evidenceCited.js";
