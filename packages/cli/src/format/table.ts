export type Align = "left" | "right";

export interface Column {
  readonly header: string;
  readonly align?: Align;
}

/**
 * Lays rows out as a plain-text table: columns padded to their widest cell, two spaces apart,
 * trailing spaces trimmed. Plain text so it survives pipes, `less` and copy-paste into a letter.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = ""): string[] {
  // A loop, not Math.max(...): a diff of a big plan's year has more rows than a call takes arguments.
  const widths = columns.map((column, i) => rows.reduce((widest, row) => Math.max(widest, length(row[i] ?? "")), length(column.header)));
  const line = (cells: readonly string[]) =>
    indent +
    columns
      .map((column, i) => {
        const cell = cells[i] ?? "";
        const pad = " ".repeat(widths[i]! - length(cell));
        return column.align === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(columns.map((_, i) => "-".repeat(widths[i]!))), ...rows.map(line)];
}

// Code points, not UTF-16 units, so an accented name does not shift its column.
function length(text: string): number {
  return [...text].length;
}
