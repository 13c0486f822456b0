/** Reads a column code `B01`..`B12` back to 1..12; undefined for anything else. */
export function parseMonthCode(code: string): number | undefined {
  const match = /^B(0[1-9]|1[0-2])$/.exec(code.trim().toUpperCase());
  return match ? Number(match[1]) : undefined;
}
