import fc from "fast-check";
import type { PlanState } from "@rapk/core";

/**
 * Damage done to a state behind decide's back (a hand-edited file, a bug elsewhere): each kind
 * breaks one rule of docs/domain.md, so checkInvariants and decide can be held to the oracle on
 * states decide itself would never make.
 */
export type Corruption =
  | { what: "ceiling" | "pagu" | "contribution" | "spending"; value: number; pick: number }
  | { what: "orphanIndicator" | "contributionToUnknownIndicator" | "contributionFromUnknownLine" | "realisationOfUnknownIndicator" | "spendingOnUnknownLine"; pick: number }
  | { what: "targets"; how: "short" | "long" | "negative" | "infinite"; pick: number }
  | { what: "cumulativeDrop" | "overAllocate" | "overCeiling" | "overspend"; pick: number }
  | { what: "headless" | "sharedKey"; pick: number };

const notMoney = fc.constantFrom(-1, 0.5, 1_000_000.25, Number.MAX_SAFE_INTEGER + 1);
// A negative pagu is AMOUNT_NOT_WHOLE_RUPIAH's to report; whether a line with nothing allocated
// is also "over-allocated" by it is moot, so pagu damage stays non-negative.
const notPagu = fc.constantFrom(0.5, 1_000_000.25, Number.MAX_SAFE_INTEGER + 1);
const pick = fc.nat(50);

export const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ what: fc.constantFrom("ceiling" as const, "contribution" as const, "spending" as const), value: notMoney, pick }),
  fc.record({ what: fc.constant("pagu" as const), value: notPagu, pick }),
  fc.record({
    what: fc.constantFrom(
      "orphanIndicator" as const,
      "contributionToUnknownIndicator" as const,
      "contributionFromUnknownLine" as const,
      "realisationOfUnknownIndicator" as const,
      "spendingOnUnknownLine" as const,
    ),
    pick,
  }),
  fc.record({ what: fc.constant("targets" as const), how: fc.constantFrom("short" as const, "long" as const, "negative" as const, "infinite" as const), pick }),
  fc.record({ what: fc.constantFrom("cumulativeDrop" as const, "overAllocate" as const, "overCeiling" as const, "overspend" as const), pick }),
  fc.record({ what: fc.constantFrom("headless" as const, "sharedKey" as const), pick }),
);

type Mutable = {
  plan: { ceiling: number } | null;
  objectives: Record<string, unknown>;
  indicators: Record<string, { id: string; objective: string; shape: string; targets: (number | null)[] }>;
  lines: Record<string, { id: string; pagu: number }>;
  contributions: Record<string, Record<string, number>>;
  realisations: Record<string, Record<number, unknown>>;
  spending: Record<string, Record<number, number>>;
  members: Record<string, { member: string; name: string; role: string; publicKey: string }>;
};

const UNKNOWN_INDICATOR = "11.99";
const UNKNOWN_LINE = "ZZ.0000.ZZZ.000.000.Z";

/** A plain (unfrozen) copy of the state with the damage done. */
export function corrupt(state: PlanState, c: Corruption): PlanState {
  const s = structuredClone(state) as unknown as Mutable;
  const pickOf = <T>(items: T[]): T | undefined => (items.length ? items[c.pick % items.length] : undefined);
  const line = pickOf(Object.keys(s.lines).sort());
  const indicator = pickOf(Object.keys(s.indicators).sort());
  switch (c.what) {
    case "ceiling":
      if (s.plan) s.plan.ceiling = c.value;
      break;
    case "pagu":
      if (line) s.lines[line]!.pagu = c.value;
      break;
    case "contribution":
      if (line && indicator) (s.contributions[indicator] ??= {})[line] = c.value;
      break;
    case "spending":
      if (line) (s.spending[line] ??= {})[1 + (c.pick % 12)] = c.value;
      break;
    case "orphanIndicator":
      if (indicator) delete s.objectives[s.indicators[indicator]!.objective];
      break;
    case "contributionToUnknownIndicator":
      if (line) s.contributions[UNKNOWN_INDICATOR] = { [line]: 1 };
      break;
    case "contributionFromUnknownLine":
      if (indicator) (s.contributions[indicator] ??= {})[UNKNOWN_LINE] = 1;
      break;
    case "realisationOfUnknownIndicator":
      s.realisations[UNKNOWN_INDICATOR] = { 1: { value: 50 } };
      break;
    case "spendingOnUnknownLine":
      s.spending[UNKNOWN_LINE] = { 1: 1 };
      break;
    case "targets": {
      if (!indicator) break;
      const i = s.indicators[indicator]!;
      if (c.how === "short") i.targets = i.targets.slice(0, 11);
      else if (c.how === "long") i.targets = [...i.targets, 1];
      else i.targets[c.pick % 12] = c.how === "negative" ? -1 : Number.POSITIVE_INFINITY;
      break;
    }
    case "cumulativeDrop":
      if (indicator) {
        s.indicators[indicator]!.shape = "cumulative";
        s.indicators[indicator]!.targets = [5, 4, ...Array(10).fill(null)];
      }
      break;
    case "overAllocate":
      if (line && indicator) (s.contributions[indicator] ??= {})[line] = s.lines[line]!.pagu + 1;
      break;
    case "overCeiling":
      if (s.plan) s.plan.ceiling = Math.max(0, Object.values(s.lines).reduce((sum, l) => sum + l.pagu, 0) - 1);
      break;
    case "overspend":
      if (line) (s.spending[line] ??= {})[12] = s.lines[line]!.pagu + 1;
      break;
    // The roster damaged: its last head made an officer, or a member given another's key.
    case "headless":
      s.members = { siti: { member: "siti", name: "Siti", role: "officer", publicKey: "a".repeat(64) } };
      break;
    case "sharedKey":
      s.members = {
        kepala: { member: "kepala", name: "Kepala", role: "head", publicKey: "a".repeat(64) },
        siti: { member: "siti", name: "Siti", role: "officer", publicKey: "a".repeat(64) },
      };
      break;
  }
  return s as unknown as PlanState;
}
