// A spreadsheet runs a cell that starts with = + - or @ as a formula, and one that starts with a tab
// or a carriage return is read as such once pasted or re-saved (CSV injection). Every writer of CSV or
// XLSX text (the template, `export`, `diff --format csv`, the report and roll-up workbooks) passes its
// text cells through `spreadsheetText`, so one rule decides, and a reader of rapk's own files undoes it
// with `spreadsheetTextRead`. A cell that already starts with apostrophes and then one of those
// characters gets one more, so that reading strips exactly what writing added.
const WRITE = /^'*[=+\-@\t\r]/;
const READ = /^'+[=+\-@\t\r]/;

/** A text cell as a spreadsheet may hold it: `'` put before a cell it would run as a formula. Numbers are not text and need no such care. */
export function spreadsheetText(cell: string): string {
  return WRITE.test(cell) ? `'${cell}` : cell;
}

/** The text that {@link spreadsheetText} was given: the `'` it added removed. */
export function spreadsheetTextRead(cell: string): string {
  return READ.test(cell) ? cell.slice(1) : cell;
}
