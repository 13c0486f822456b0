import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInvariants, planCommand } from "@rapk/core";
import { PROPERTY_TIMEOUT, runs, scenario } from "./arbitraries.js";
import { corrupt, corruption } from "./corruption.js";
import { oracleViolations } from "./oracle.js";
import { run, runSteps, setUp } from "./scenario.js";

const codesOf = (violations: readonly { code: string }[]) => [...new Set(violations.map((v) => v.code))].sort();

describe("(a) every invariant holds after every accepted command or batch", () => {
  it("by checkInvariants and by the test's own oracle, starting from a sound plan", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const trace = run(s);
        expect([...oracleViolations(trace.start)]).toEqual([]);
        for (const entry of trace.entries) {
          if (!entry.result.ok) continue;
          expect(checkInvariants(entry.after), JSON.stringify(entry.commands)).toEqual([]);
          expect([...oracleViolations(entry.after)], JSON.stringify(entry.commands)).toEqual([]);
        }
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);

  it("even starting from a state broken behind decide's back: decide accepts nothing that leaves a rule broken", () => {
    const resign = planCommand("signPlan", { place: "Rejang Lebong", date: "2024-02-22", name: null, title: "Kepala Loka POM" });
    fc.assert(
      fc.property(scenario, corruption, (s, damage) => {
        const broken = corrupt(setUp(s).state, damage);
        const found = oracleViolations(broken);
        // Re-signing is accepted on any drafted plan, so only a broken rule can refuse it.
        const signing = runSteps(broken, [{ kind: "rapk", commands: [resign] }]).entries[0]!;
        expect(signing.result.ok).toBe(found.size === 0);
        if (!signing.result.ok) expect([...found]).toContain(signing.result.error.code);
        for (const entry of runSteps(broken, s.steps).entries)
          if (entry.result.ok) expect([...oracleViolations(entry.after)], JSON.stringify(entry.commands)).toEqual([]);
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);

  it("checkInvariants finds exactly the rules the oracle finds broken, on sound and damaged states alike", () => {
    fc.assert(
      fc.property(scenario, fc.option(corruption, { nil: undefined }), (s, damage) => {
        const final = run(s).entries.at(-1)?.after ?? setUp(s).state;
        const state = damage ? corrupt(final, damage) : final;
        expect(codesOf(checkInvariants(state))).toEqual([...oracleViolations(state)].sort());
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);
});
