import type { Loader, LoadOutcome } from "./source.js";

// The worker is an entry of the main build (vite.config.ts), sharing its chunks; in development
// Vite serves its source as a module. A path defined at build time (not a literal in
// `new URL(..., import.meta.url)`) keeps Vite from bundling the worker a second time.
declare const __PARSE_WORKER__: string;
const WORKER_PATH = __PARSE_WORKER__;

/**
 * Opens a source in a fresh module Web Worker. An abort (the user opened another file) terminates
 * the worker still busy with this one, so a huge file never keeps the CPU after the user moved on.
 */
export const workerLoader: Loader = (input, signal) => {
  if (typeof Worker === "undefined")
    return Promise.resolve({ ok: false, error: { code: "WORKER_UNAVAILABLE", message: "this browser cannot run Web Workers, which the viewer needs to read files" } });
  const worker = new Worker(new URL(WORKER_PATH, import.meta.url), { type: "module", name: "rapk-parse" });
  return new Promise<LoadOutcome>((resolve) => {
    const cancel = () => finish({ ok: false, error: { code: "SUPERSEDED", message: "another file was opened" } });
    const finish = (outcome: LoadOutcome) => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
      resolve(outcome);
    };
    if (signal?.aborted) return cancel();
    signal?.addEventListener("abort", cancel);
    worker.onmessage = (event: MessageEvent<LoadOutcome>) => finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, error: { code: "WORKER_FAILED", message: event.message || "the file could not be read" } });
    };
    worker.postMessage(input);
  });
};
