import { type StoredEvent, serializeLog } from "../../src/index.js";

/** The lines of a serialized log (without the final newline). */
export function linesOf(events: readonly StoredEvent[]): string[] {
  return serializeLog(events).trimEnd().split("\n");
}

/** Edits line `number` (1-based) as a JSON object and returns the whole text. */
export function editLine(lines: readonly string[], number: number, edit: (event: Record<string, any>) => unknown): string {
  const copy = [...lines];
  const event = JSON.parse(copy[number - 1] as string);
  const replaced = edit(event);
  copy[number - 1] = typeof replaced === "string" ? replaced : JSON.stringify(replaced ?? event);
  return `${copy.join("\n")}\n`;
}
