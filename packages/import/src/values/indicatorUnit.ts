import type { IndicatorUnit } from "@rapk/core";

// The first word of an indicator's name says what it measures. "Presentase" is a misspelling the
// seed itself uses (indicator 11.04), so it is read as Persentase.
const BY_FIRST_WORD: Readonly<Record<string, IndicatorUnit>> = {
  persentase: "percent",
  presentase: "percent",
  prosentase: "percent",
  tingkat: "level",
  indeks: "index",
  nilai: "score",
  jumlah: "count",
};

/** The unit of an indicator from its name (Persentase -> percent, Tingkat -> level, ...), or undefined. */
export function unitFromName(name: string): IndicatorUnit | undefined {
  const first = name.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? "";
  return BY_FIRST_WORD[first];
}
