/**
 * BPOM's rating bands for achievement (capaian), kept as data so a unit with other bands can
 * pass its own. The sources leave the edges open; rapk's choice (docs/invariants.md):
 * above 120 cannot be concluded; 110-120 Sangat Baik; 90 up to below 110 Baik; 70 up to below
 * 90 Cukup; 50 up to below 70 Kurang; below 50 Sangat Kurang. Bands are checked in order and
 * the first whose lower bound the value reaches wins.
 */
export interface Band {
  readonly id: string;
  /** Inclusive lower bound in percent; the value must be >= min (or > min when `exclusive`). */
  readonly min: number;
  readonly exclusive?: boolean;
  readonly label: { readonly id: string; readonly en: string };
}

export const BPOM_BANDS: readonly Band[] = Object.freeze([
  { id: "inconclusive", min: 120, exclusive: true, label: { id: "Tidak Dapat Disimpulkan", en: "Cannot be concluded" } },
  { id: "very-good", min: 110, label: { id: "Sangat Baik", en: "Very good" } },
  { id: "good", min: 90, label: { id: "Baik", en: "Good" } },
  { id: "fair", min: 70, label: { id: "Cukup", en: "Fair" } },
  { id: "poor", min: 50, label: { id: "Kurang", en: "Poor" } },
  { id: "very-poor", min: Number.NEGATIVE_INFINITY, label: { id: "Sangat Kurang", en: "Very poor" } },
]);

/** The band an achievement percentage falls in. */
export function bandOf(achievement: number, bands: readonly Band[] = BPOM_BANDS): Band {
  for (const band of bands) if (band.exclusive ? achievement > band.min : achievement >= band.min) return band;
  return bands[bands.length - 1]!;
}
