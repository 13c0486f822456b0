import { getMonth, getYear, parseISO } from "date-fns";

/** The fiscal year and month (1..12) an ISO date or date-time falls in. */
export function monthOfDate(isoDate: string): { year: number; month: number } {
  const date = parseISO(isoDate);
  return { year: getYear(date), month: getMonth(date) + 1 };
}
