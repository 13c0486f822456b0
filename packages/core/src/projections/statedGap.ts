import type { Message } from "../metadata.js";
import { formatRupiah } from "../money/formatRupiah.js";

/** The words for a figure the document states against the one the plan computes, each as Rupiah. */
type GapWords = (stated: string, computed: string, gap: string) => Message;

/** null when the two agree or nothing is stated; otherwise the words for the side that is larger. */
function gapBetween(stated: number | null | undefined, computed: number, over: GapWords, under: GapWords): Message | null {
  if (stated === null || stated === undefined || stated === computed) return null;
  const words = stated > computed ? over : under;
  return words(formatRupiah(stated), formatRupiah(computed), formatRupiah(Math.abs(stated - computed)));
}

/**
 * Why an indicator's ANGGARAN as the document prints it differs from the budget the plan derives
 * (the sum of its contributions), in plain words in both languages; null when they agree or the
 * document prints none.
 */
export function budgetGap(stated: number | null | undefined, derived: number): Message | null {
  return gapBetween(
    stated,
    derived,
    (s, d, gap) => ({
      en: `${s} in the document; ${d} attributed to budget lines in the plan: ${gap} is on no budget line here (its rows are on a missing page, or the document is wrong)`,
      id: `${s} menurut dokumen; ${d} dialokasikan ke baris anggaran dalam rencana: ${gap} tidak ada pada baris anggaran mana pun di sini (barisnya ada di halaman yang hilang, atau dokumennya keliru)`,
    }),
    (s, d, gap) => ({
      en: `${s} in the document; ${d} attributed to budget lines in the plan: the lines give ${gap} more than the document states`,
      id: `${s} menurut dokumen; ${d} dialokasikan ke baris anggaran dalam rencana: baris anggaran memberi ${gap} lebih banyak daripada yang tertulis di dokumen`,
    }),
  );
}

/**
 * Why the document's Total differs from what the plan's budget lines add up to (their pagu), in
 * both languages; null when they agree or no Total is stated.
 */
export function totalGap(stated: number | null | undefined, pagu: number): Message | null {
  return gapBetween(
    stated,
    pagu,
    (s, p, gap) => ({
      en: `Total ${s} in the document; the budget lines in the plan add up to ${p}: ${gap} is not itemised here (on missing pages, or not listed)`,
      id: `Total ${s} menurut dokumen; pagu baris anggaran dalam rencana berjumlah ${p}: ${gap} tidak dirinci di sini (di halaman yang hilang, atau tidak dicantumkan)`,
    }),
    (s, p, gap) => ({
      en: `Total ${s} in the document; the budget lines in the plan add up to ${p}, ${gap} more than the document states`,
      id: `Total ${s} menurut dokumen; pagu baris anggaran dalam rencana berjumlah ${p}, ${gap} lebih banyak daripada yang tertulis di dokumen`,
    }),
  );
}
