import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideBatch } from "@rapk/core";
import { PROPERTY_TIMEOUT, runs, scenario } from "./arbitraries.js";
import { expectSame } from "./same.js";
import { run, runSteps } from "./scenario.js";

describe("(b) a refused command or batch changes nothing", () => {
  it("leaves the state it was given deep-equal, emits no events, and says why", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const entry of run(s).entries) {
          if (entry.result.ok) continue;
          // Decide again on a plain, unfrozen copy (the trace's states are frozen, so a write to
          // them would have thrown already); a write to the copy shows in the comparison.
          const given = structuredClone(entry.before);
          const again = decideBatch(entry.commands, given, entry.kind === undefined ? {} : { kind: entry.kind });
          expectSame(given, entry.before);
          expectSame(again, entry.result);
          expect(again).not.toHaveProperty("value");
          expect(entry.result.error.code).toMatch(/^[A-Z_]+$/);
          expect(entry.result.error.message.length).toBeGreaterThan(0);
          expect(Array.isArray(entry.result.error.path)).toBe(true);
        }
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);

  it("leaves no trace on what follows: dropping the refused steps gives the same events and state", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const trace = run(s);
        const acceptedOnly = trace.entries.filter((e) => e.result.ok).map((e) => ({ kind: e.kind, commands: e.commands }));
        const again = runSteps(trace.start, acceptedOnly);
        expect(again.entries.every((e) => e.result.ok)).toBe(true);
        expect(again.entries.at(-1)?.after ?? trace.start).toEqual(trace.entries.at(-1)?.after ?? trace.start);
        expect(again.entries.flatMap((e) => (e.result.ok ? e.result.value : []))).toEqual(
          trace.entries.flatMap((e) => (e.result.ok ? e.result.value : [])),
        );
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);
});
