import { eachMonthOfInterval, endOfYear, startOfYear } from "date-fns";

/** The first day of each of the twelve months of a fiscal year, January first. */
export function monthsOfYear(year: number): Date[] {
  const start = startOfYear(new Date(year, 0, 1));
  return eachMonthOfInterval({ start, end: endOfYear(start) });
}
