import Papa from "papaparse";
import { failAt } from "../failure.js";

/** A CSV record with the 1-based line it starts on (a quoted cell may span lines). */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** Parses CSV text into records with papaparse, cells separated by `delimiter`; a quoting error stops the import at its line. */
export function parseCsv(text: string, delimiter: "," | ";" = ","): CsvRow[] {
  const rows: CsvRow[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      const error = result.errors[0];
      if (error) {
        parser.abort();
        failAt("CSV_MALFORMED", line, `${error.message} (a cell that holds commas, quotes or line breaks must be quoted, with quotes inside doubled: "a ""b"", c")`);
      }
      rows.push({ line, cells: result.data });
      const end = result.meta.cursor;
      line += countNewlines(text, start, end);
      start = end;
    },
  });
  return rows;
}
