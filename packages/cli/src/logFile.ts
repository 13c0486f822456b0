import { type History, HistoryError, type StoredEvent, openHistory, parseLog } from "@rapk/history";
import { CliError } from "./cliError.js";
import { readText } from "./files.js";
import type { Io } from "./io.js";

export interface LoadedLog {
  /** The file as the user named it, for messages. */
  readonly file: string;
  readonly text: string;
  readonly events: readonly StoredEvent[];
  readonly history: History;
}

/** Parses a log's text; a bad line becomes an error naming the file and that line. */
export function parseLogText(file: string, text: string): readonly StoredEvent[] {
  const parsed = parseLog(text);
  if (!parsed.ok) throw new CliError(`${parsed.error.code}: ${parsed.error.message}`, { file, line: parsed.error.line });
  return parsed.events;
}

/**
 * Reads and parses an event log for reading commands. Writers replace a log in one rename, so
 * a reader needs no lock: it sees the old file or the new one, never half of it. The hash chain
 * is checked by `rapk verify` (and before every `rapk apply`), not on every read.
 */
export async function loadLog(io: Io, file: string): Promise<LoadedLog> {
  const text = await readText(io, file);
  const events = parseLogText(file, text);
  return { file, text, events, history: openHistoryOf(file, events) };
}

/** Opens a parsed log for time travel; an event that cannot be replayed names its line. */
export function openHistoryOf(file: string, events: readonly StoredEvent[]): History {
  try {
    return openHistory(events);
  } catch (error) {
    if (error instanceof HistoryError) throw new CliError(`${error.code}: ${error.message}`, error.line === undefined ? { file } : { file, line: error.line });
    throw error;
  }
}
