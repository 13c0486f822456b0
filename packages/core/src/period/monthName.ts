import { format } from "date-fns";
import { enUS, id } from "date-fns/locale";

export type Language = "id" | "en";

/** The name of month 1..12: `Januari`..`Desember` in Indonesian (default), January.. in English. */
export function monthName(month: number, language: Language = "id"): string {
  return format(new Date(2000, month - 1, 1), "LLLL", { locale: language === "id" ? id : enUS });
}
