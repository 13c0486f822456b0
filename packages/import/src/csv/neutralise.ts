// A spreadsheet runs a cell that starts with = + - or @ as a formula (CSV injection), so such
// cells are written with a leading apostrophe. A cell that already starts with apostrophes and
// then one of those gets one more, so that reading strips exactly what writing added.
const WRITE = /^'*[=+\-@]/;
const READ = /^'+[=+\-@]/;

/** Prefixes `'` to a cell a spreadsheet would run as a formula. */
export function neutralise(cell: string): string {
  return WRITE.test(cell) ? `'${cell}` : cell;
}

/** Removes the `'` that {@link neutralise} added. */
export function restore(cell: string): string {
  return READ.test(cell) ? cell.slice(1) : cell;
}
