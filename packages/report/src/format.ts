import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import { id as indonesian } from "date-fns/locale/id";

// Printed and exported figures are read by Indonesian users: dots group thousands
// (70.412.160), a comma is the decimal mark (99,3; core's formatMeasure). Spreadsheets keep numbers as numbers.
const amount = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0, useGrouping: true });

/** Whole Rupiah as the printed table shows them, without the `Rp`: `70.412.160`. */
export function formatAmount(value: number): string {
  return (value < 0 ? "-" : "") + amount.format(Math.abs(value));
}

/** `2024-02-22` -> `22 Februari 2024`, as the signature's date reads; anything else unchanged. */
export function formatLongDate(isoDate: string): string {
  const date = parseISO(isoDate.slice(0, 10));
  return isValid(date) ? format(date, "d MMMM yyyy", { locale: indonesian }) : isoDate;
}
