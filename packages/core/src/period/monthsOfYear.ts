import { eachMonthOfInterval } from "date-fns/eachMonthOfInterval";
import { endOfYear } from "date-fns/endOfYear";
import { startOfYear } from "date-fns/startOfYear";

/** The first day of each of the twelve months of a fiscal year, January first. */
export function monthsOfYear(year: number): Date[] {
  const start = startOfYear(new Date(year, 0, 1));
  return eachMonthOfInterval({ start, end: endOfYear(start) });
}
