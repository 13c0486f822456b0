/// <reference lib="webworker" />
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

// The parsing worker's helper: it hashes the lines the verifier read while the verifier goes on.
self.onmessage = async (message: MessageEvent<HashBatch | { ping: true }>) => {
  if ("ping" in message.data) return self.postMessage({ pong: true });
  const { id, inputs, claims } = message.data;
  const claimed = Array.from({ length: claims.length / 64 }, (_, i) => claims.slice(i * 64, i * 64 + 64));
  self.postMessage({ id, ok: await checkHere(inputs.split("\n"), claimed) });
};
// Loaded: the parsing worker answers with a ping, and starts its reading once the pong is back.
self.postMessage({ ready: true });
