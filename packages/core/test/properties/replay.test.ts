import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evolve, initialState, parseEvent, stateAfter } from "@rapk/core";
import { PROPERTY_TIMEOUT, runs, scenario } from "./arbitraries.js";
import { expectSame } from "./same.js";
import { run } from "./scenario.js";

describe("(c) replaying the emitted events equals applying them one by one", () => {
  it("stateAfter(events) equals evolve folded over them and the state decide worked on, also when split anywhere", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, at) => {
        const trace = run(s);
        const { events } = trace;
        const folded = events.reduce(evolve, initialState());
        const replayed = stateAfter(events);
        expectSame(replayed, folded);
        expectSame(folded, trace.entries.at(-1)?.after ?? trace.start);
        expect(folded.eventCount).toBe(events.length);
        const split = at % (events.length + 1);
        expectSame(stateAfter(events.slice(split), stateAfter(events.slice(0, split))), replayed);
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);
});

describe("(e) the same events always give the same state", () => {
  it("replaying again, or after a JSON round trip through parseEvent, gives an equal state; deciding again, the same events", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { events } = run(s);
        const metadata = { at: "2024-02-22T09:00:00+07:00", actor: "perencana", reason: "property test", kind: "draft" };
        const stored: unknown[] = JSON.parse(JSON.stringify(events.map((e) => ({ ...e, metadata }))));
        const loaded = stored.map((raw, i) => {
          const parsed = parseEvent(raw, i + 1);
          if (!parsed.ok) throw new Error(parsed.error.message);
          return parsed.event;
        });
        const first = stateAfter(events);
        expectSame(stateAfter(events), first);
        expectSame(stateAfter(loaded), first);
        expectSame(run(s).events, events);
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);
});
