import { format, isValid, parseISO } from "date-fns";
import { id } from "date-fns/locale";

/** `2024-02-22` -> `22 Februari 2024`, as a signature reads in the document. */
export function formatLongDate(isoDate: string): string {
  const date = parseISO(isoDate);
  return isValid(date) ? format(date, "d MMMM yyyy", { locale: id }) : isoDate;
}
