import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { canonicalJson } from "./canonicalJson.js";
import type { StoredEvent } from "./storedEvent.js";

/** The sha256 of a text's UTF-8 bytes, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** What is hashed: every field of the line but the hash itself, in canonical form. */
export function hashInput(event: Omit<StoredEvent, "hash">): string {
  const { seq, version, type, data, metadata, prev } = event;
  return canonicalJson({ seq, version, type, data, metadata, prev });
}

/** `sha256hex(canonicalJson({seq, version, type, data, metadata, prev}))`: an event's link in the chain. */
export function hashEvent(event: Omit<StoredEvent, "hash">): string {
  return sha256Hex(hashInput(event));
}
