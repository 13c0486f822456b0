/**
 * Sums whole-Rupiah amounts. Throws when the total leaves the safe-integer range, because a
 * silently rounded total is exactly the hand-computed error the tool exists to prevent.
 */
export function sumRupiah(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  if (!Number.isSafeInteger(total)) throw new RangeError(`Rupiah total ${total} is not a safe integer`);
  return total;
}
