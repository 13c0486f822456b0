import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideBatch, initialState, stateAfter } from "@rapk/core";
import { planSetup, PROPERTY_TIMEOUT, runs } from "./arbitraries.js";
import { oracleViolations } from "./oracle.js";
import { setupEvents } from "./scenario.js";

describe("a plan sound by construction", () => {
  it("is accepted whole in one draft batch, emitting one event per command, and the oracle finds nothing broken", () => {
    fc.assert(
      fc.property(planSetup, (setup) => {
        const decided = decideBatch(setup.commands, initialState(), { kind: "draft" });
        expect(decided.ok ? "accepted" : `${decided.error.code}: ${decided.error.message}`).toBe("accepted");
        if (!decided.ok) return;
        expect(decided.value).toEqual(setupEvents({ setup, steps: [] }));
        const state = stateAfter(decided.value);
        expect([...oracleViolations(state)]).toEqual([]);
        expect(state.eventCount).toBe(setup.commands.length);
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);
});
