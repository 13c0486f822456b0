import { rawCommand } from "@rapk/core/testing";
import { planCommand } from "@rapk/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PlanEvent, type PlanState, type RevisionKind, INVARIANTS, decideBatch, stateAfter } from "@rapk/core";
import { command, PROPERTY_TIMEOUT, runs, scenario } from "./arbitraries.js";
import { oracleViolations } from "./oracle.js";
import { expectSame } from "./same.js";
import { run, setUp } from "./scenario.js";

const INVARIANT_CODES = INVARIANTS.map((i) => i.code);
/** The kind decideBatch assumes when none is given. */
const effectiveKind = (kind: RevisionKind | undefined, state: PlanState) => kind ?? (state.signature ? undefined : "draft");
const optionsOf = (kind: RevisionKind | undefined) => (kind === undefined ? {} : { kind });

const poison = fc.constantFrom<unknown>(
  { type: "reviseBudget" },
  planCommand("allocateContribution", { indicator: "01.01", line: "DR.3165.QIA.005.053.A", amount: -1 }),
  planCommand("reportSpending", { line: "DR.3165.QIA.005.053.A", month: 13, amount: 1 }),
  rawCommand({ type: "deletePlan", data: {} }),
  null,
).map(rawCommand);

describe("(f) batches are all-or-nothing", () => {
  it("a batch whose last command is malformed emits nothing, however sound the commands before it", () => {
    fc.assert(
      fc.property(scenario, fc.array(command, { minLength: 1, maxLength: 4 }), poison, (s, prefix, bad) => {
        const { state } = setUp(s);
        const alone = decideBatch(prefix, state);
        const batch = decideBatch([...prefix, bad], state);
        expect(batch.ok).toBe(false);
        if (batch.ok) return;
        expect(typeof batch.error.path[0]).toBe("number");
        if (alone.ok) {
          expect(batch.error.code).toBe("COMMAND_INVALID");
          expect(batch.error.path[0]).toBe(prefix.length);
          expect(batch.error.message).toMatch(new RegExp(`^command ${prefix.length + 1}: `));
        }
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);

  it("an accepted batch emits what its commands emit one at a time, unless only a state in between broke an invariant", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const entry of run(s).entries) {
          if (!entry.result.ok || entry.commands.length < 2) continue;
          const kind = effectiveKind(entry.kind, entry.before);
          let state = entry.before;
          const events: PlanEvent[] = [];
          let complete = true;
          for (const c of entry.commands) {
            const one = decideBatch([c], state, optionsOf(kind));
            if (!one.ok) {
              // The batch got past this command, so only the whole-batch check can have differed,
              // or the batch signed the plan before it (a draft ends with the signature).
              const signedEarlier = !entry.before.signature && Boolean(state.signature);
              expect([...INVARIANT_CODES, ...(signedEarlier ? ["PLAN_SIGNED_REVISION_REQUIRED"] : [])]).toContain(one.error.code);
              complete = false;
              break;
            }
            events.push(...one.value);
            state = stateAfter(one.value, state);
          }
          if (complete) {
            expectSame(events, entry.result.value);
            expectSame(state, entry.after);
          }
        }
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);

  it("lowering a pagu below what is allocated is refused alone and accepted with the reallocation in the same batch", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.integer({ min: 0, max: 99 }), (s, pick, percent) => {
        const { state } = setUp(s);
        const allocated = Object.keys(state.lines).filter((id) => Object.values(state.contributions).some((row) => (row[id] ?? 0) > 0));
        fc.pre(allocated.length > 0);
        const line = allocated[pick % allocated.length]!;
        const onLine = Object.values(state.contributions).reduce((sum, row) => sum + (row[line] ?? 0), 0);
        const pagu = Math.floor((onLine * percent) / 100);
        const lower = planCommand("reviseBudget", { line, pagu });
        const reallocate = Object.entries(state.contributions)
          .filter(([, row]) => row[line] !== undefined)
          .map(([indicator, row]) => (planCommand("allocateContribution", { indicator, line, amount: Math.floor((row[line]! * percent) / 100) })));

        const alone = decideBatch([lower], state, { kind: "pok" });
        expect(alone.ok ? "accepted" : alone.error.code).toBe("LINE_OVER_ALLOCATED");

        // What the batch should make, computed here by hand.
        const contributions: Record<string, Record<string, number>> = {};
        for (const [indicator, row] of Object.entries(state.contributions)) {
          const kept = Object.fromEntries(
            Object.entries(row)
              .map(([l, a]) => [l, l === line ? Math.floor((a * percent) / 100) : a] as const)
              .filter(([, a]) => a > 0),
          );
          if (Object.keys(kept).length) contributions[indicator] = kept;
        }
        const expected = {
          ...state,
          lines: { ...state.lines, [line]: { ...state.lines[line]!, pagu } },
          contributions,
          eventCount: state.eventCount + 1 + reallocate.length,
        } as PlanState;

        const batch = decideBatch([lower, ...reallocate], state, { kind: "pok" });
        const sound = oracleViolations(expected).size === 0;
        expect(batch.ok).toBe(sound);
        if (batch.ok) expect(stateAfter(batch.value, state)).toEqual(expected);
        // The only thing that can still refuse it is money already spent beyond the lower pagu.
        else expect([batch.error.code, [...oracleViolations(expected)]]).toEqual(["LINE_OVERSPENT", ["LINE_OVERSPENT"]]);
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);
});
