import { parseSource } from "./parseSource.js";
import { safely } from "./safely.js";
import { type Loader, readSource, sourceName } from "./source.js";

/**
 * Opens a source on the calling thread, after yielding once so the "reading" status paints.
 * For tests and tools; the app uses the worker loader.
 */
export const inlineLoader: Loader = async (input) => {
  const text = await readSource(input);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return safely(() => parseSource(text, sourceName(input), undefined, undefined, input.pins));
};
