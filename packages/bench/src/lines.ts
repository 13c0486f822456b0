/**
 * The lines of an NDJSON text, one at a time, as a loader reading a file would get them: each
 * line is a fresh string that can die young, unlike an array of a million lines held for the
 * whole run (which every garbage collection would then have to walk).
 */
export function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    if (end < 0) {
      yield text.slice(start);
      return;
    }
    yield text.slice(start, end);
    start = end + 1;
  }
}
