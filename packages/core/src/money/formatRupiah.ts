const grouping = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0, useGrouping: true });

/**
 * Formats whole Rupiah the Indonesian way: `Rp70.412.160` (dots group thousands, no decimals).
 * A negative amount (a difference, never a stored figure) is written `-Rp1.000`.
 */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  return `${sign}Rp${grouping.format(Math.abs(amount))}`;
}
