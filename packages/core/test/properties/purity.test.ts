import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideBatch, evolve, initialState, stateAfter } from "@rapk/core";
import { PROPERTY_TIMEOUT, runs, scenario } from "./arbitraries.js";
import { deepFreeze } from "./freeze.js";
import { expectSame } from "./same.js";
import { run } from "./scenario.js";

/**
 * True when nothing reachable from the value has been frozen. Immer freezes what its result
 * holds; the parts of the input state the result shares get frozen with it (values unchanged,
 * documented in docs/invariants.md), but an event's data must never end up shared.
 */
function nothingFrozen(value: unknown): boolean {
  if (!value || typeof value !== "object") return true;
  return !Object.isFrozen(value) && Object.values(value).every(nothingFrozen);
}

describe("(d) evolve never mutates its input", () => {
  it("leaves every event as it was (its data not even frozen, so not shared), and a plain state's values as they were", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, at) => {
        const { events } = run(s);
        const k = at % events.length;
        let state = initialState();
        events.forEach((event, i) => {
          const plainEvent = structuredClone(event);
          // At one point per run, the state too is a plain copy (cloning every state costs too much).
          const given = i === k ? structuredClone(state) : state;
          const next = evolve(given, plainEvent);
          expectSame(plainEvent, event, event.type);
          expect(nothingFrozen(plainEvent), `${event.type} left its data frozen: the state shares it`).toBe(true);
          if (i === k) {
            expectSame(given, state, event.type);
            // A write to a frozen object throws in strict mode, so this also shows none is tried.
            expectSame(evolve(deepFreeze(structuredClone(state)), deepFreeze(structuredClone(event))), next, event.type);
          }
          state = next;
        });
        // Later events (a TargetSet after a TargetsSet) must not reach back into earlier ones.
        expectSame(structuredClone(events), run(s).events);
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);

  it("replay leaves the state it starts from as it was, and an accepting decide its state and commands", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const trace = run(s);
        const from = structuredClone(trace.start);
        stateAfter(trace.events, from);
        expectSame(from, trace.start);
        // (A refusing decide is held to the same in rejection.test.ts.)
        for (const entry of trace.entries) {
          if (!entry.result.ok) continue;
          const given = structuredClone(entry.before);
          const commands = deepFreeze(structuredClone(entry.commands));
          expectSame(decideBatch(commands, given, entry.kind === undefined ? {} : { kind: entry.kind }), entry.result);
          expectSame(given, entry.before);
        }
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);
});
