import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?$/;
const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch of an ISO date-time with an offset, NaN when it is not one. */
export function instantOf(iso: string): number {
  const date = parseISO(iso);
  return isValid(date) ? date.getTime() : Number.NaN;
}

/** The UTC offset an ISO date-time is written in (`+07:00`), `Z` when none is written. */
export function offsetOf(iso: string): string {
  return OFFSET.exec(iso)?.[1] ?? "Z";
}

export type Moment = { ok: true; instant: number } | { ok: false; message: string };

/**
 * The instant an as-of question means. A date (`2024-05-31`) means the end of that day, a
 * date-time without an offset is a wall-clock time; both are read in `offset`, the offset the
 * log is written in. A date-time with an offset means exactly that instant.
 */
export function momentOf(input: string, offset: string): Moment {
  const text = input.trim();
  const bad = (why: string): Moment => ({ ok: false, message: `"${input}" ${why}` });
  if (DATE.test(text)) {
    const start = parseISO(`${text}T00:00:00${offset}`);
    if (!isValid(start) || !sameDay(start, text, offset)) return bad("is not a calendar date");
    return { ok: true, instant: start.getTime() + DAY_MS - 1 };
  }
  const match = DATE_TIME.exec(text);
  if (!match) return bad("is neither a date (2024-05-31) nor a date-time (2024-05-31T17:00:00+07:00)");
  const day = match[1] as string;
  const written = `${day}T${match[2]}${match[3] ?? offset}`;
  const when = parseISO(written);
  if (!isValid(when) || !sameDay(parseISO(`${day}T00:00:00${match[3] ?? offset}`), day, match[3] ?? offset))
    return bad("is not a valid date-time");
  return { ok: true, instant: when.getTime() };
}

// parseISO rolls 2024-02-30 over into March on some inputs; a date that does not round-trip is not one.
function sameDay(start: Date, day: string, offset: string): boolean {
  if (!isValid(start)) return false;
  const minutes = offset === "Z" ? 0 : (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(start.getTime() + minutes * 60 * 1000);
  return local.toISOString().slice(0, 10) === day;
}
