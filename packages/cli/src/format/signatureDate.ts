import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import { id } from "date-fns/locale/id";

/** `2024-02-22` -> `22 Februari 2024`, as a signature reads in the document. */
export function formatLongDate(isoDate: string): string {
  const date = parseISO(isoDate);
  return isValid(date) ? format(date, "d MMMM yyyy", { locale: id }) : isoDate;
}
