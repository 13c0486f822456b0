/**
 * A filled template as cells, whatever file it came in (an .xlsx's sheets): each sheet's rows
 * from the first (the header), each cell as the person left it. A value is a number, text, a
 * date, or blank; anything else (a formula's error, a picture) is kept as `unreadable`.
 */
export type GridValue = number | string | Date | null | { readonly unreadable: string };

export interface GridSheet {
  readonly name: string;
  /** Rows from row 1; cells from column A. */
  readonly rows: readonly (readonly GridValue[])[];
  /**
   * How many rows of the file stand above the sheet's first row: 0 for a workbook's sheet; in a
   * CSV template, where the sheets follow one another in one file, the rows above its section.
   * A problem names the cell as the file shows it.
   */
  readonly rowOffset?: number;
}

export interface Grid {
  readonly sheets: readonly GridSheet[];
}

/** `A`, `B`, ..., `Z`, `AA`: the column letters of a 0-based column index. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell's address, `G5`, from 0-based row and column indexes. */
export const cellAddress = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;
