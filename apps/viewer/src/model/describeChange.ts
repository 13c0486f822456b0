import { type Language, formatRupiah } from "@rapk/core";
import { type Change, type ChangeKind, changeCells } from "@rapk/history";
import { formatNumber } from "./format.js";

// Every kind has its label in both languages: a new kind of change does not compile until it has.
const labels: Record<Language, Record<ChangeKind, string>> = {
  id: {
    "objective-added": "Sasaran ditambah",
    "objective-removed": "Sasaran dihapus",
    "objective-renamed": "Sasaran diganti nama",
    "objective-renumbered": "Nomor sasaran berubah",
    "indicator-added": "Indikator ditambah",
    "indicator-removed": "Indikator dihapus",
    "indicator-renamed": "Indikator diganti nama",
    "indicator-redefined": "Definisi indikator berubah",
    "target-changed": "Target berubah",
    "line-added": "Baris anggaran ditambah",
    "line-removed": "Baris anggaran dihapus",
    "line-renamed": "Uraian baris anggaran berubah",
    "pagu-changed": "Pagu berubah",
    "contribution-changed": "Kontribusi berubah",
    "ceiling-changed": "Pagu total berubah",
    "realisation-changed": "Realisasi dilaporkan",
    "spending-changed": "Belanja dilaporkan",
    "signature-changed": "Tanda tangan berubah",
    "plan-changed": "Rencana berubah",
  },
  en: {
    "objective-added": "Objective added",
    "objective-removed": "Objective removed",
    "objective-renamed": "Objective renamed",
    "objective-renumbered": "Objective renumbered",
    "indicator-added": "Indicator added",
    "indicator-removed": "Indicator removed",
    "indicator-renamed": "Indicator renamed",
    "indicator-redefined": "Indicator redefined",
    "target-changed": "Target changed",
    "line-added": "Budget line added",
    "line-removed": "Budget line removed",
    "line-renamed": "Budget line reworded",
    "pagu-changed": "Ceiling of a line changed",
    "contribution-changed": "Contribution changed",
    "ceiling-changed": "Total ceiling changed",
    "realisation-changed": "Realisation reported",
    "spending-changed": "Spending reported",
    "signature-changed": "Signature changed",
    "plan-changed": "Plan changed",
  },
};

/** The name of a kind of change in the reader's language. */
export function changeKindLabel(kind: ChangeKind, language: Language): string {
  return labels[language][kind];
}

/** What a change is about, as history's changeCells names it (the CLI and the spreadsheets say the same). */
export function changeSubject(change: Change): string {
  return changeCells(change).subject;
}

/** The old and new value of a change, ready to show: Rupiah for money, localised numbers, names; `–` for none. */
export function changeValues(change: Change, language: Language): { from: string; to: string } {
  const { format, before, after } = changeCells(change);
  const show = (v: number | string | null) => (v === null ? "–" : typeof v === "string" ? v : format === "rupiah" ? formatRupiah(v) : formatNumber(v, language));
  return { from: show(before), to: show(after) };
}
