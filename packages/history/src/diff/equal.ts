import type { Plan, Realisation, Signature } from "@rapk/core";

// Field-by-field comparisons of the small records a state holds; undefined and absent are the same.
export const samePlanHeader = (a: Plan, b: Plan) => a.unit === b.unit && a.agency === b.agency && a.year === b.year && a.title === b.title;

export const sameRealisation = (a: Realisation, b: Realisation) =>
  a === b || (a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator && a.note === b.note);

export const sameSignature = (a: Signature | null, b: Signature | null) =>
  a === b || (a !== null && b !== null && a.place === b.place && a.date === b.date && a.name === b.name && a.title === b.title);
