/// <reference lib="webworker" />
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { checkHere } from "../model/deferredSha256.js";

/**
 * A batch of lines to hash for the parsing worker: the inputs joined by line breaks (canonical
 * JSON has none of its own) and the claimed hashes back to back, 64 digits each. Two strings
 * cross between workers several times cheaper than thousands of small ones.
 */
export interface HashBatch {
  readonly id: number;
  readonly inputs: string;
  readonly claims: string;
}

/** A file's bytes to hash for the page (an evidence file given beside the log, see fileDigest.ts). */
export interface FileToHash {
  readonly id: number;
  readonly bytes: Uint8Array;
}

// The parsing worker's helper: it hashes the lines the verifier read while the verifier goes on;
// and the page's, for the evidence files the reader gives (their SHA-256, as 64 hex digits).
self.onmessage = async (message: MessageEvent<HashBatch | FileToHash | { ping: true }>) => {
  if ("ping" in message.data) return self.postMessage({ pong: true });
  if ("bytes" in message.data) return self.postMessage({ id: message.data.id, sha256: bytesToHex(sha256(message.data.bytes)) });
  const { id, inputs, claims } = message.data;
  const claimed = Array.from({ length: claims.length / 64 }, (_, i) => claims.slice(i * 64, i * 64 + 64));
  self.postMessage({ id, ok: await checkHere(inputs.split("\n"), claimed) });
};
// Loaded: the parsing worker answers with a ping, and starts its reading once the pong is back.
self.postMessage({ ready: true });
