import { type Language, formatRupiah, monthCode } from "@rapk/core";
import type { Change } from "@rapk/history";
import { formatNumber } from "./format.js";

const labels: Record<Language, Record<string, string>> = {
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

/** The name of a kind of change in the reader's language (the kind itself when unknown). */
export function changeKindLabel(kind: string, language: Language): string {
  return labels[language][kind] ?? kind;
}

/** What a change is about: the objective, indicator or line, and the month it names. */
export function changeSubject(change: Change): string {
  const parts: string[] = [];
  if ("objective" in change) parts.push(change.objective);
  if ("indicator" in change) parts.push(change.indicator);
  if ("line" in change) parts.push(change.line);
  if ("month" in change) parts.push(monthCode(change.month));
  if ("field" in change) parts.push(change.field);
  if ("part" in change) parts.push(change.part);
  return parts.join(" · ");
}

/** The old and new value of a change, ready to show: Rupiah for money, localised numbers, names. */
export function changeValues(change: Change, language: Language): { from: string | null; to: string | null } {
  const num = (v: number | null) => (v === null ? "–" : formatNumber(v, language));
  const money = (v: number | null) => (v === null ? "–" : formatRupiah(v));
  switch (change.kind) {
    case "plan-changed":
      return { from: change.from && `${change.from.unit} ${change.from.year}`, to: change.to && `${change.to.unit} ${change.to.year}` };
    case "ceiling-changed":
    case "pagu-changed":
    case "contribution-changed":
      return { from: money(change.from), to: money(change.to) };
    case "spending-changed":
      return { from: money(change.from), to: money(change.to) };
    case "objective-added":
    case "indicator-added":
      return { from: null, to: change.to.name };
    case "objective-removed":
    case "indicator-removed":
      return { from: change.from.name, to: null };
    case "line-added":
      return { from: null, to: `${change.to.subComponent.name} · ${formatRupiah(change.to.pagu)}` };
    case "line-removed":
      return { from: `${change.from.subComponent.name} · ${formatRupiah(change.from.pagu)}`, to: null };
    case "objective-renumbered":
      return { from: change.from === null ? "–" : String(change.from), to: change.to === null ? "–" : String(change.to) };
    case "target-changed":
      return { from: num(change.from), to: num(change.to) };
    case "realisation-changed":
      return { from: change.from ? num(change.from.value) : "–", to: change.to ? num(change.to.value) : "–" };
    case "signature-changed": {
      const sign = (s: typeof change.from) => (s ? `${s.place}, ${s.date}` : "–");
      return { from: sign(change.from), to: sign(change.to) };
    }
    default:
      return { from: change.from, to: change.to };
  }
}
