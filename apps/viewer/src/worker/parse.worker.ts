/// <reference lib="webworker" />
import { parseSource } from "../model/parseSource.js";
import { safely } from "../model/safely.js";
import { type LoadOutcome, type SourceInput, readSource, sourceName } from "../model/source.js";

// Reading, hashing and validating a large log takes seconds; here it cannot freeze the page.
self.onmessage = async (message: MessageEvent<SourceInput>) => {
  const input = message.data;
  let outcome: LoadOutcome;
  try {
    const text = await readSource(input);
    outcome = await safely(() => parseSource(text, sourceName(input)));
  } catch (error) {
    outcome = { ok: false, error: { code: "READ_FAILED", message: error instanceof Error ? error.message : String(error) } };
  }
  self.postMessage(outcome);
};
