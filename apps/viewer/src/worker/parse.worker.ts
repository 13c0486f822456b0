/// <reference lib="webworker" />
import type { DigestCheck } from "../model/deferredSha256.js";
import { SPLIT_ABOVE_CHARACTERS, newestFirst } from "../model/foldedHistory.js";
import { parseSource } from "../model/parseSource.js";
import { safely } from "../model/safely.js";
import { type LoadOutcome, type RestOfStates, readSource, sourceName } from "../model/source.js";
import type { WorkerReply, WorkerRequest } from "../model/workerLoader.js";
import type { HashBatch } from "./hash.worker.js";

// Where the helper is: the built entry beside this one, or its source in development (vite.config.ts).
declare const __HASH_WORKER__: string;

/**
 * The lines' hashes checked by a helper worker, on the other core, while this one verifies the
 * rest; none where a worker cannot start one (the check then runs here, after the reading).
 * A helper that fails answers false, and the log is verified again with the real sha256.
 */
function helperCheck(): { readonly check: DigestCheck; readonly ready: Promise<unknown> } | undefined {
  if (typeof Worker === "undefined") return undefined;
  const helper = new Worker(new URL(__HASH_WORKER__, import.meta.url), { type: "module", name: "rapk-hash" });
  const waiting = new Map<number, (ok: boolean) => void>();
  let next = 0;
  let started: (value?: unknown) => void = () => undefined;
  const ready = new Promise((resolve) => (started = resolve));
  // The reading starts once a message has gone to the helper and back: Chromium may hold the
  // messages to a worker that has just started until its parent's thread is free again, which
  // it would not be until the reading ended (measured: no batch hashed during the reading).
  helper.onmessage = (event: MessageEvent<{ id: number; ok: boolean } | { ready: true } | { pong: true }>) => {
    if ("ready" in event.data) return helper.postMessage({ ping: true });
    if ("pong" in event.data) return started();
    waiting.get(event.data.id)?.(event.data.ok);
    waiting.delete(event.data.id);
  };
  helper.onerror = (event) => {
    event.preventDefault();
    started();
    for (const resolve of waiting.values()) resolve(false);
    waiting.clear();
  };
  const check: DigestCheck = (inputs, claims) =>
    new Promise((resolve) => {
      // A claim not 64 characters long is false: answered here, as the helper could not split it.
      if (claims.some((claim) => claim.length !== 64)) return resolve(false);
      const batch: HashBatch = { id: next++, inputs: inputs.join("\n"), claims: claims.join("") };
      waiting.set(batch.id, resolve);
      helper.postMessage(batch);
    });
  return { check, ready };
}

// Started with the worker, so that it is answering by the time a file comes (a worker opens one
// file; the page starts it ahead, see workerLoader).
const helper = helperCheck();

// The plans of the versions before the newest, kept until the page asks for them.
let rest: RestOfStates | undefined;
const reply = (message: WorkerReply) => self.postMessage(message);

// Reading, hashing and validating a large log takes seconds; here it cannot freeze the page.
self.onmessage = async (message: MessageEvent<WorkerRequest>) => {
  if ("rest" in message.data) {
    if (rest) reply({ rest });
    rest = undefined;
    return;
  }
  const input = message.data;
  let outcome: LoadOutcome;
  let text = "";
  try {
    [text] = await Promise.all([readSource(input), helper?.ready]);
    outcome = await safely(() => parseSource(text, sourceName(input), undefined, helper?.check, input.pins));
  } catch (error) {
    outcome = { ok: false, error: { code: "READ_FAILED", message: error instanceof Error ? error.message : String(error) } };
  }
  // A large log's newest plan goes first, alone: the page shows it while the others wait for it
  // to ask (cloning them all into the first message delayed the document by half a second).
  if (outcome.ok && text.length > SPLIT_ABOVE_CHARACTERS && outcome.loaded.history.states.length > 2) {
    const split = newestFirst(outcome.loaded.history);
    rest = split.rest;
    return reply({ outcome: { ok: true, loaded: { ...outcome.loaded, history: split.first } }, restFollows: true });
  }
  reply({ outcome });
};
