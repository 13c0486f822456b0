import { startOfMonth } from "date-fns/startOfMonth";

/** The first day of month 1..12 of a fiscal year (Indonesia's fiscal year is the calendar year). */
export function monthStart(year: number, month: number): Date {
  return startOfMonth(new Date(year, month - 1, 1));
}
