// Text output is read by Indonesian users: decimals take a comma (99,3) as Rupiah take dots
// (Rp70.412.160). JSON output keeps plain numbers.
const decimal = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4, useGrouping: true });
const percent = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });

/** A target, realisation or other measured value; a blank (null) stays blank. */
export function formatValue(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : decimal.format(value);
}

/** A percentage with two decimals: `97,50 %`; blank when undefined. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : `${percent.format(value)} %`;
}
