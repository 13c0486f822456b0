import { getMonth } from "date-fns/getMonth";
import { getYear } from "date-fns/getYear";
import { parseISO } from "date-fns/parseISO";

/**
 * The fiscal year and month (1..12) an ISO date or date-time falls in, read from the date as
 * written: `2024-01-01T05:00:00+07:00` is January in Rejang Lebong, whatever the time zone of
 * the machine that reads it.
 */
export function monthOfDate(isoDate: string): { year: number; month: number } {
  const date = parseISO(isoDate.trim().slice(0, 10));
  return { year: getYear(date), month: getMonth(date) + 1 };
}
