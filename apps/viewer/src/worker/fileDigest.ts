import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { FileToHash } from "./hash.worker.js";

// The hashing worker: the built entry beside the app's chunks, or its source in development (vite.config.ts).
declare const __HASH_WORKER__: string;

/** The SHA-256 of some bytes, as 64 lowercase hex digits (as rapk keeps and cites evidence). */
export type Digest = (bytes: Uint8Array) => Promise<string>;

/** The digest on the calling thread (where no worker can start: a test's DOM). */
export const digestHere: Digest = async (bytes) => bytesToHex(sha256(bytes));

let worker: Worker | undefined;
let broken = false;
const waiting = new Map<number, { bytes: Uint8Array; resolve: (digest: string) => void }>();
let next = 0;

function hashingWorker(): Worker | undefined {
  if (broken || typeof Worker === "undefined" || typeof __HASH_WORKER__ === "undefined") return undefined;
  if (worker) return worker;
  worker = new Worker(new URL(__HASH_WORKER__, import.meta.url), { type: "module", name: "rapk-evidence-hash" });
  worker.onmessage = (event: MessageEvent<{ id: number; sha256: string } | { ready: true }>) => {
    if (!("id" in event.data)) return;
    waiting.get(event.data.id)?.resolve(event.data.sha256);
    waiting.delete(event.data.id);
  };
  // A worker that fails: what it held is hashed here, and so is every file after it.
  worker.onerror = (event) => {
    event.preventDefault();
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const { bytes, resolve } of waiting.values()) void digestHere(bytes).then(resolve);
    waiting.clear();
  };
  return worker;
}

/**
 * The digest taken by the viewer's hashing worker (the parsing worker's helper,
 * src/worker/hash.worker.ts, started once for the page when the first file is given), so that
 * hashing a 20 MB scan never holds the page; on this thread where a worker cannot start.
 */
export const digestFile: Digest = (bytes) => {
  const helper = hashingWorker();
  if (!helper) return digestHere(bytes);
  return new Promise((resolve) => {
    const request: FileToHash = { id: next++, bytes };
    waiting.set(request.id, { bytes, resolve });
    // A copy crosses: the page keeps the bytes it checked, to hand them out unchanged.
    helper.postMessage(request);
  });
};
