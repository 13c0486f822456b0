/** The published column code of a month: 1 -> `B01`, 12 -> `B12` (B for *bulan*, month). */
export function monthCode(month: number): string {
  return `B${String(month).padStart(2, "0")}`;
}
