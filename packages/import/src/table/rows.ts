/** A line of the extracted text: its 1-based number and its tab-separated cells, trimmed. */
export interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A non-blank cell and its column (0-based). */
export interface Cell {
  readonly col: number;
  readonly text: string;
}

// PDF extraction leaves non-breaking spaces; they are spaces.
function clean(cell: string): string {
  return cell.replaceAll("\u00A0", " ").trim();
}

/** Splits the text into rows of cells. */
export function splitRows(text: string): Row[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => ({ line: i + 1, cells: line.split("\t").map(clean) }));
}

/** The non-blank cells of a row, in order. */
export function filled(row: Row): Cell[] {
  const out: Cell[] = [];
  row.cells.forEach((text, col) => {
    if (text !== "") out.push({ col, text });
  });
  return out;
}
