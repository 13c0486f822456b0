// One module per function and locale: the "date-fns/locale" barrel loads every locale there is.
import { format } from "date-fns/format";
import { enUS } from "date-fns/locale/en-US";
import { id } from "date-fns/locale/id";

export type Language = "id" | "en";

/** The name of month 1..12: `Januari`..`Desember` in Indonesian (default), January.. in English. */
export function monthName(month: number, language: Language = "id"): string {
  return format(new Date(2000, month - 1, 1), "LLLL", { locale: language === "id" ? id : enUS });
}
