import type { PlanState } from "@rapk/core";

/**
 * The invariants of docs/domain.md recomputed from a state by code that shares nothing with
 * packages/core/src/invariants.ts, so a rule dropped from there is still checked here.
 * Returns the codes of the rules the state breaks (each at most once), in no particular order.
 */
export function oracleViolations(state: PlanState): Set<string> {
  const broken = new Set<string>();
  const isMoney = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;

  // 1. Amounts are whole, non-negative, safe Rupiah.
  const amounts: unknown[] = [];
  if (state.plan) amounts.push(state.plan.ceiling);
  for (const line of Object.values(state.lines)) amounts.push(line.pagu);
  for (const row of Object.values(state.contributions)) amounts.push(...Object.values(row));
  for (const months of Object.values(state.spending)) amounts.push(...Object.values(months));
  if (amounts.some((a) => !isMoney(a))) broken.add("AMOUNT_NOT_WHOLE_RUPIAH");

  // References: everything named is defined.
  const objectiveKnown = (code: string) => Object.prototype.hasOwnProperty.call(state.objectives, code);
  const indicatorKnown = (id: string) => Object.prototype.hasOwnProperty.call(state.indicators, id);
  const lineKnown = (id: string) => Object.prototype.hasOwnProperty.call(state.lines, id);
  const references = [
    ...Object.values(state.indicators).map((i) => objectiveKnown(i.objective)),
    ...Object.keys(state.contributions).map(indicatorKnown),
    ...Object.values(state.contributions).flatMap((row) => Object.keys(row).map(lineKnown)),
    ...Object.keys(state.realisations).map(indicatorKnown),
    ...Object.keys(state.spending).map(lineKnown),
  ];
  if (references.includes(false)) broken.add("UNKNOWN_REFERENCE");

  // 5. Twelve slots, each blank or a finite number >= 0; cumulative ones never go down.
  for (const indicator of Object.values(state.indicators)) {
    const slots = indicator.targets;
    if (slots.length !== 12 || slots.some((t) => t !== null && !(typeof t === "number" && Number.isFinite(t) && t >= 0)))
      broken.add("TARGETS_MALFORMED");
    if (indicator.shape === "cumulative") {
      const filled = slots.filter((t): t is number => t !== null);
      for (let i = 1; i < filled.length; i++) if (filled[i]! < filled[i - 1]!) broken.add("CUMULATIVE_DECREASES");
    }
  }

  // 3. Per line, contributions across indicators <= pagu.  6. Spending over the months <= pagu.
  for (const [id, line] of Object.entries(state.lines)) {
    let allocated = 0;
    for (const row of Object.values(state.contributions)) allocated += row[id] ?? 0;
    if (allocated > line.pagu) broken.add("LINE_OVER_ALLOCATED");
    let spent = 0;
    for (const amount of Object.values(state.spending[id] ?? {})) spent += amount;
    if (spent > line.pagu) broken.add("LINE_OVERSPENT");
  }

  // 4. Sum of pagu <= the plan's ceiling.
  if (state.plan) {
    const pagu = Object.values(state.lines).reduce((sum, line) => sum + line.pagu, 0);
    if (pagu > state.plan.ceiling) broken.add("CEILING_EXCEEDED");
  }
  // 8. A roster with members keeps a head, and no two members share a key.
  const members = Object.values(state.members ?? {});
  if (members.length > 0 && (!members.some((m) => m.role === "head") || new Set(members.map((m) => m.publicKey)).size < members.length)) broken.add("ROSTER_WITHOUT_HEAD");
  return broken;
}
