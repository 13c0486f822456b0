import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PlanState, checkInvariants, checkInvariantsSince } from "@rapk/core";
import { PROPERTY_TIMEOUT, runs, scenario } from "./arbitraries.js";
import { corrupt, corruption } from "./corruption.js";
import { oracleViolations } from "./oracle.js";
import { run, setUp } from "./scenario.js";

const RECORDS = ["objectives", "indicators", "lines", "contributions", "realisations", "spending"] as const;

/**
 * `after` with every part and entry that equals `before`'s replaced by `before`'s own object, as a
 * fold leaves what it did not touch: the most sharing a state can have with a step before it, so
 * the incremental check skips as much as it ever may.
 */
function shareWith(before: PlanState, after: PlanState): PlanState {
  const out: Record<string, unknown> = { ...after };
  if (isDeepStrictEqual(before.plan, after.plan)) out.plan = before.plan;
  for (const record of RECORDS) {
    const was = before[record] as Record<string, unknown>;
    const now = after[record] as Record<string, unknown>;
    if (isDeepStrictEqual(was, now)) {
      out[record] = was;
      continue;
    }
    const shared: Record<string, unknown> = {};
    for (const key of Object.keys(now)) shared[key] = isDeepStrictEqual(was[key], now[key]) ? was[key] : now[key];
    out[record] = shared;
  }
  return out as unknown as PlanState;
}

describe("checkInvariantsSince: the check of only what a step changed", () => {
  it("finds what checkInvariants finds after every step decide accepts from a sound plan", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const entry of run(s).entries) {
          if (checkInvariants(entry.before).length > 0) continue;
          expect(checkInvariantsSince(entry.before, entry.after)).toEqual(checkInvariants(entry.after));
        }
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);

  it("finds exactly what checkInvariants (and the test's oracle) find when a step breaks a rule behind decide's back", () => {
    let broken = 0;
    fc.assert(
      fc.property(scenario, corruption, fc.nat(), fc.constantFrom(undefined, "objectives" as const, "indicators" as const, "lines" as const), (s, damage, pick, drop) => {
        const trace = run(s);
        const sound = [{ before: setUp(s).state, after: setUp(s).state }, ...trace.entries].filter((entry) => checkInvariants(entry.before).length === 0);
        const entry = sound[pick % sound.length];
        if (!entry) return;
        const damaged = corrupt(entry.after, damage);
        // No event removes an objective, an indicator or a line, but a rule over what refers to one must see it go.
        if (drop) {
          const keys = Object.keys(damaged[drop]).sort();
          if (keys.length > 0) delete (damaged[drop] as Record<string, unknown>)[keys[pick % keys.length] as string];
        }
        const after = shareWith(entry.before, damaged);
        const full = checkInvariants(after);
        if (full.length > 0) broken += 1;
        expect(checkInvariantsSince(entry.before, after)).toEqual(full);
        expect([...new Set(full.map((v) => v.code))].sort()).toEqual([...oracleViolations(after)].sort());
      }),
      runs,
    );
    // The damage must reach the check: most generated cases break a rule.
    expect(broken).toBeGreaterThan(runs.numRuns / 2);
  }, PROPERTY_TIMEOUT);

  it("checks nothing when nothing changed, and a changed entry even when its record's neighbours did not change", () => {
    const { state } = setUp(fc.sample(scenario, { numRuns: 1, seed: 7 })[0]!);
    expect(checkInvariantsSince(state, state)).toEqual([]);
    const line = Object.keys(state.lines)[0]!;
    const overspent = { ...state, spending: { ...state.spending, [line]: { 12: state.lines[line]!.pagu + 1 } } };
    expect(checkInvariantsSince(state, overspent).map((v) => v.code)).toEqual(["LINE_OVERSPENT"]);
  });
});
