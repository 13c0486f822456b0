import type { Loader, LoadOutcome, RestOfStates, SourceInput } from "./source.js";

// The worker is an entry of the main build (vite.config.ts), sharing its chunks; in development
// Vite serves its source as a module. A path defined at build time (not a literal in
// `new URL(..., import.meta.url)`) keeps Vite from bundling the worker a second time.
declare const __PARSE_WORKER__: string;
const WORKER_PATH = __PARSE_WORKER__;

/** What the page asks the parsing worker: to open a source, then (for a large log) the plans of the versions before the newest. */
export type WorkerRequest = SourceInput | { readonly rest: true };
/** What the parsing worker answers: the outcome (saying whether the older plans follow), then those plans. */
export type WorkerReply = { readonly outcome: LoadOutcome; readonly restFollows?: true } | { readonly rest: RestOfStates };

// A worker started ahead, its modules loaded and its hashing helper answering, for the next file:
// starting one costs the time of loading the shared chunk and the helper, which was part of
// every open. Made when a loading ends (so it never competes with one), used by the next.
let spare: Worker | undefined;
const startWorker = () => new Worker(new URL(WORKER_PATH, import.meta.url), { type: "module", name: "rapk-parse" });
function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = undefined;
  return worker;
}
function keepSpare(): void {
  spare ??= startWorker();
}

/** Resolves after the page has painted what it rendered now: a frame, then a task after it. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "undefined") return void setTimeout(resolve, 0);
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * Opens a source in a fresh module Web Worker. An abort (the user opened another file) terminates
 * the worker still busy with this one, so a huge file never keeps the CPU after the user moved on.
 * A large log's outcome comes with its newest plan only and `rest`: the worker sends the other
 * plans once the page has painted the outcome (receiving them takes the page's thread for a
 * while: not before the document is on screen), then ends. The next file goes to a worker started
 * when this one ended.
 */
export const workerLoader: Loader = (input, signal) => {
  if (typeof Worker === "undefined")
    return Promise.resolve({ ok: false, error: { code: "WORKER_UNAVAILABLE", message: "this browser cannot run Web Workers, which the viewer needs to read files" } });
  const worker = takeWorker();
  const ask = (request: WorkerRequest) => worker.postMessage(request);
  return new Promise<LoadOutcome>((resolve) => {
    let restArrived: (states: RestOfStates) => void = () => undefined;
    let restFailed: (error: Error) => void = () => undefined;
    const end = () => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
      keepSpare();
    };
    const cancel = () => {
      end();
      resolve({ ok: false, error: { code: "SUPERSEDED", message: "another file was opened" } });
    };
    if (signal?.aborted) return cancel();
    signal?.addEventListener("abort", cancel);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if ("rest" in reply) {
        end();
        return restArrived(reply.rest);
      }
      if (!reply.restFollows || !reply.outcome.ok) {
        end();
        return resolve(reply.outcome);
      }
      const rest = new Promise<RestOfStates>((arrived, failed) => {
        restArrived = arrived;
        restFailed = failed;
      });
      resolve({ ...reply.outcome, rest });
      void afterPaint().then(() => ask({ rest: true }));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      const message = event.message || "the file could not be read";
      // After the newest plan was given, the failure is the earlier versions' (resolve is then a no-op).
      restFailed(new Error(message));
      resolve({ ok: false, error: { code: "WORKER_FAILED", message } });
    };
    ask(input);
  });
};
