import type { TargetShape } from "@rapk/core";

/**
 * The shape of twelve monthly targets, read from the values (blank months are left out):
 * - constant: every value the same (99.3 all year);
 * - year-end: 0 every month but the last (0 ... 0, 91);
 * - cumulative: never decreasing, more than two distinct values, and rising every month once it
 *   has left its starting value (2.52, 7.33, ... 50; or 0, 0, 10, 20, ... 100);
 * - stepped: anything else, e.g. plateaus (0, 0, 15, 15, 40, 40, 80, ...).
 * docs/domain.md gives 05.01 (0, 0, 15, 15, 40, ...) as the example of stepped, so a non-decreasing
 * series with plateaus after it starts rising is stepped, not cumulative.
 */
export function shapeOf(targets: readonly (number | null)[]): TargetShape {
  const values = targets.filter((t): t is number => t !== null);
  if (values.length === 0 || values.every((v) => v === values[0])) return "constant";
  const last = values.length - 1;
  if (values.every((v, i) => (i === last ? v !== 0 : v === 0))) return "year-end";
  const first = values[0] as number;
  const start = values.findIndex((v) => v !== first);
  const rises = values.slice(start).every((v, i, rest) => i === 0 ? v > first : v > (rest[i - 1] as number));
  const distinct = new Set(values).size;
  return rises && distinct > 2 ? "cumulative" : "stepped";
}
