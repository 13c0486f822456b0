import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { canonicalJson } from "./canonicalJson.js";
import type { CommitRecord } from "./commit.js";
import type { StoredEvent } from "./storedEvent.js";

/** The sha256 of a text's UTF-8 bytes, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * What is hashed: every field of the line but the hash itself, in canonical form. A v2 line
 * (`format` rapk/2) holds no metadata (its commit record does); a v1 line holds it.
 */
export function hashInput(event: Omit<StoredEvent, "hash">): string {
  const { format, seq, version, type, data, metadata, prev } = event;
  return format === undefined ? canonicalJson({ seq, version, type, data, metadata, prev }) : canonicalJson({ format, seq, version, type, data, prev });
}

/** `sha256hex(canonicalJson(line without hash))`: an event's link in the chain. */
export function hashEvent(event: Omit<StoredEvent, "hash">): string {
  return sha256Hex(hashInput(event));
}

/** `sha256hex(canonicalJson(commit record without hash and signature))`: the version's head. */
export function hashCommit(commit: Omit<CommitRecord, "hash" | "signature">): string {
  const { format, commit: version, events, metadata, prev } = commit;
  return sha256Hex(canonicalJson({ format, commit: version, events, metadata, prev }));
}
