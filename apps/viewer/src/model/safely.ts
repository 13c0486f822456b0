import type { LoadOutcome } from "./source.js";

/** Whatever goes wrong while opening becomes a message, never an uncaught exception in the UI. */
export async function safely(open: () => Promise<LoadOutcome>): Promise<LoadOutcome> {
  try {
    return await open();
  } catch (error) {
    return { ok: false, error: { code: "OPEN_FAILED", message: error instanceof Error ? error.message : String(error) } };
  }
}
