/// <reference lib="webworker" />
import { checkHere } from "../model/deferredSha256.js";

/** A batch of lines to hash for the parsing worker, and its answer. */
export interface HashBatch {
  readonly id: number;
  readonly inputs: readonly string[];
  readonly claims: readonly string[];
}

// The parsing worker's helper: it hashes the lines the verifier read while the verifier goes on.
self.onmessage = async (message: MessageEvent<HashBatch | { ping: true }>) => {
  if ("ping" in message.data) return self.postMessage({ pong: true });
  const { id, inputs, claims } = message.data;
  self.postMessage({ id, ok: await checkHere(inputs, claims) });
};
// Loaded: the parsing worker answers with a ping, and starts its reading once the pong is back.
self.postMessage({ ready: true });
