import { type PlanState, checkInvariants, decideBatch, initialState, stateAfter } from "@rapk/core";
import { hashEvent, parseLog, serializeLog, verifyLog } from "@rapk/history";
import { describe, expect, it } from "vitest";
import { commandOf } from "@rapk/core";
import { type HistoryShape, SHAPES, eventCount, generateHistory, generatePlan } from "../src/generate.js";
import { toStoredEvents } from "../src/storedLog.js";

// Small enough to put every batch through decideBatch, big enough for every kind of batch:
// weekly report rounds, POK every month, a revised RAPK each quarter, a Revisi DIPA in July.
const SMALL: HistoryShape = { seed: 99, objectives: 5, indicatorsPerObjective: 4, lines: 40, reportRounds: 3, pokPerMonth: 2 };

describe("the generator of plans and histories", () => {
  it("gives the same history for the same seed, and another for another seed", () => {
    const once = generateHistory(SMALL);
    expect(generateHistory(SMALL)).toEqual(once);
    expect(generateHistory({ ...SMALL, seed: 100 })).not.toEqual(once);
  });

  it("makes histories that decideBatch accepts batch by batch, emitting exactly the generated events", () => {
    const batches = generateHistory(SMALL);
    expect(new Set(batches.map((batch) => batch.meta.kind))).toEqual(new Set(["draft", "report", "pok", "rapk", "dipa"]));
    let state: PlanState = initialState();
    batches.forEach((batch, index) => {
      const decided = decideBatch(batch.events.map(commandOf), state, { kind: batch.meta.kind });
      if (!decided.ok) throw new Error(`batch ${index + 1} (${batch.meta.kind}) refused: ${decided.error.code} ${decided.error.message}`);
      expect(decided.value).toEqual(batch.events);
      state = stateAfter(decided.value, state);
    });
    expect(state.eventCount).toBe(eventCount(batches));
  });

  it("keeps the agency's plan sound at every version of its 100,000-event year", () => {
    const batches = generateHistory(SHAPES.agency);
    expect(eventCount(batches)).toBe(100_000);
    let state = initialState();
    for (const batch of batches) {
      state = stateAfter(batch.events, state);
      expect(checkInvariants(state)).toEqual([]);
    }
    expect(Object.keys(state.indicators)).toHaveLength(2000);
    expect(Object.keys(state.lines).length).toBeGreaterThanOrEqual(5000);
  });

  it("cuts a history at exactly maxEvents, within a report batch", () => {
    const batches = generateHistory({ ...SMALL, maxEvents: 1234 });
    expect(eventCount(batches)).toBe(1234);
    expect(batches.at(-1)?.meta.kind).toBe("report");
  });

  it("drafts a plan of the asked size as one signed draft batch", () => {
    const plan = generatePlan({ seed: 3, objectives: 10, indicatorsPerObjective: 7, lines: 100 });
    const state = stateAfter(plan.events);
    expect(plan.meta.kind).toBe("draft");
    expect(Object.keys(state.indicators)).toHaveLength(70);
    expect(Object.keys(state.lines)).toHaveLength(100);
    expect(state.signature).not.toBeNull();
    expect(checkInvariants(state)).toEqual([]);
  });
});

describe("the generated log", () => {
  it("is hash-chained as history writes it, parses and verifies", () => {
    const stored = toStoredEvents(generateHistory({ ...SMALL, months: 3 }));
    for (const event of [stored[0], stored[1], stored.at(-1)]) {
      if (!event) throw new Error("empty log");
      const { hash, ...rest } = event;
      expect(hash).toBe(hashEvent(rest));
    }
    const text = serializeLog(stored);
    const parsed = parseLog(text);
    expect(parsed.ok ? parsed.value.events.length : parsed.error).toBe(stored.length);
    expect(verifyLog(text)).toMatchObject({ ok: true, value: { events: stored.length, versions: stored.at(-1)?.version, lastHash: stored.at(-1)?.hash } });
  });
});
