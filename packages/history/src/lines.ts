/** One line of a log's text: its 1-based number and its content without the line break. */
export interface Line {
  readonly number: number;
  readonly text: string;
}

/**
 * The lines of an NDJSON text. A final newline ends the last line (it does not start an empty
 * one); CRLF line breaks and a leading byte-order mark are tolerated, since editors on Windows
 * write them and neither is part of any event.
 */
export function splitLines(text: string): Line[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body === "") return [];
  const parts = body.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts.map((part, index) => ({ number: index + 1, text: part.endsWith("\r") ? part.slice(0, -1) : part }));
}
