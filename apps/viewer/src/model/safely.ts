import type { LoadOutcome } from "./source.js";

/** Whatever goes wrong while opening becomes a message, never an uncaught exception in the UI. */
export function safely(open: () => LoadOutcome): LoadOutcome {
  try {
    return open();
  } catch (error) {
    return { ok: false, error: { code: "OPEN_FAILED", message: error instanceof Error ? error.message : String(error) } };
  }
}
