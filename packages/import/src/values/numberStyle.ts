/**
 * Which mark a document groups thousands with, as its own numbers show: the first number written
 * with two groups or more (`70,412,160`, `70.412.160`, also with decimals after the other mark:
 * `1.000.000,5`), or with one group and decimals after the other mark (`4.215,5`), cannot be
 * anything but grouped. `undefined` when no number in the text says.
 */
export interface NumberStyle {
  readonly thousands: "," | ".";
  /** The number that tells it, and its 1-based line. */
  readonly example: string;
  readonly line: number;
}

// Two groups or more (`70.412.160`), or one followed by decimals after the other mark (`4.215,5`).
const GROUPED = /(?<![\d.,])\d{1,3}([.,])\d{3}(?:(?:\1\d{3})+(?:(?!\1)[.,]\d+)?|(?!\1)[.,]\d+)(?![\d.,]*\d)/;

export function numberStyleOf(text: string): NumberStyle | undefined {
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    const match = GROUPED.exec(line);
    if (match) return { thousands: match[1] as "," | ".", example: match[0], line: index + 1 };
  }
  return undefined;
}
