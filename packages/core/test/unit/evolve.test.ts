import { describe, expect, it } from "vitest";
import { IndicatorId, type PlanEvent, evolve, initialState, isDomainFailure, replay, stateAfter } from "@rapk/core";
import { SAMPLING, drafted, objective01, seedDraft, signed } from "../fixtures/seed.js";

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return isDomainFailure(error) ? error.error : error;
  }
  return "no failure";
}

describe("evolve and replay", () => {
  it("start from an empty state with no plan", () => {
    expect(initialState()).toEqual({ plan: null, objectives: {}, indicators: {}, lines: {}, contributions: {}, realisations: {}, spending: {}, spendingNotes: {}, signature: null, members: {}, requirements: {}, proposals: {}, eventCount: 0 });
  });

  it("build the plan the events describe, ids joined from their codes", () => {
    const state = stateAfter(seedDraft);
    expect(state.plan).toEqual(drafted.data);
    expect(Object.keys(state.indicators).sort()).toEqual(["01.01", "04.01"]);
    expect(state.indicators["04.01"]).toMatchObject({ id: "04.01", objective: "04", code: "01", shape: "cumulative" });
    expect(state.lines[SAMPLING]).toMatchObject({ id: SAMPLING, pagu: 125_736_000, subComponent: { code: "A", name: "PENGADAAN SAMPEL" } });
    expect(state.contributions).toEqual({ "01.01": { [SAMPLING]: 70_412_160 }, "04.01": { [SAMPLING]: 30_176_640 } });
    expect(state.eventCount).toBe(seedDraft.length);
  });

  it("give a new indicator twelve blank months", () => {
    const state = stateAfter(seedDraft.slice(0, 4));
    expect(state.indicators["01.01"]!.targets).toEqual(Array(12).fill(null));
  });

  it("count every event applied", () => {
    expect(evolve(initialState(), drafted).eventCount).toBe(1);
    expect(stateAfter([signed], stateAfter(seedDraft)).eventCount).toBe(seedDraft.length + 1);
  });

  it("return frozen states", () => {
    const state = stateAfter(seedDraft);
    expect(Object.isFrozen(state)).toBe(true);
    expect(Object.isFrozen(state.indicators["04.01"]!.targets)).toBe(true);
    expect(Object.isFrozen(evolve(state, signed).signature)).toBe(true);
  });

  it("copy a record whole when continuing from a state, even an entry keyed __proto__", () => {
    // Given a state whose contributions hold an own "__proto__" key (a record copy that assigned
    // keys would set the prototype instead), when a later event writes to that record,
    const base = stateAfter(seedDraft);
    const odd = Object.defineProperty({ ...base.contributions }, "__proto__", { value: { [SAMPLING]: 1 }, enumerable: true, writable: true, configurable: true });
    const from = { ...base, contributions: odd };
    const next = stateAfter([{ type: "ContributionAllocated", data: { indicator: "01.01", line: SAMPLING, amount: 60_000_000 } }], from);
    // then every other entry is still there, "__proto__" still an own entry, and the prototype untouched.
    expect(Object.keys(next.contributions).sort()).toEqual(["01.01", "04.01", "__proto__"]);
    expect(Object.getPrototypeOf(next.contributions)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(next.contributions, "__proto__")?.value).toEqual({ [SAMPLING]: 1 });
    expect(next.contributions["04.01"]).toBe(base.contributions["04.01"]);
  });

  it("keep the later of two reports for the same month", () => {
    const state = stateAfter([
      ...seedDraft,
      { type: "RealisationReported", data: { indicator: "04.01", month: 1, value: 2 } },
      { type: "RealisationReported", data: { indicator: "04.01", month: 1, value: 2.6, note: "koreksi" } },
    ]);
    expect(state.realisations["04.01"]).toEqual({ 1: { value: 2.6, note: "koreksi" } });
  });

  it.each<[string, PlanEvent, string]>([
    ["a ceiling before any plan", { type: "CeilingRevised", data: { ceiling: 1 } }, "CeilingRevised: no plan drafted"],
    ["an unknown objective", { type: "ObjectiveRenamed", data: { code: "05", name: "X" } }, "ObjectiveRenamed: unknown objective 05"],
    ["an indicator under an unknown objective", { type: "IndicatorDefined", data: { objective: "05", code: "01", name: "X", unit: "percent", direction: "higher", shape: "constant" } }, "IndicatorDefined: unknown objective 05"],
    ["an unknown indicator", { type: "TargetSet", data: { indicator: IndicatorId.parse("05.01"), month: 1, value: 1 } }, "TargetSet: unknown indicator 05.01"],
    ["an unknown line", { type: "BudgetRevised", data: { line: SAMPLING, pagu: 1 } }, `BudgetRevised: unknown budget line ${SAMPLING}`],
    ["spending on an unknown line", { type: "SpendingReported", data: { line: SAMPLING, month: 1, amount: 1 } }, `SpendingReported: unknown budget line ${SAMPLING}`],
  ])("refuse an event about %s (EVENT_NOT_APPLICABLE) rather than drop it", (_what, event, message) => {
    const base = event.type === "CeilingRevised" ? [] : [drafted, objective01];
    expect(replay([...base, event])).toEqual({ ok: false, error: { code: "EVENT_NOT_APPLICABLE", message, path: ["data"] }, index: base.length });
    expect(failureOf(() => evolve(stateAfter(base), event))).toEqual({ code: "EVENT_NOT_APPLICABLE", message, path: ["data"] });
  });

  it("replay names the failing event by its index and leaves the state it started from as it was", () => {
    const from = stateAfter(seedDraft);
    const before = structuredClone(from);
    const orphan: PlanEvent = { type: "TargetSet", data: { indicator: IndicatorId.parse("09.09"), month: 1, value: 1 } };
    const replayed = replay([signed, orphan, signed], from);
    expect(replayed.ok ? "replayed" : [replayed.index, replayed.error.code]).toEqual([1, "EVENT_NOT_APPLICABLE"]);
    expect(from).toEqual(before);
  });

  it("replay of no events gives back the state it started from", () => {
    const from = stateAfter(seedDraft);
    expect(replay([], from)).toEqual({ ok: true, value: from });
    expect((replay([], from) as { value: unknown }).value).toBe(from);
  });

  it("refuse an event of a type they do not know (EVENT_UNKNOWN)", () => {
    expect(failureOf(() => evolve(initialState(), { type: "PlanDeleted", data: {} } as unknown as PlanEvent))).toMatchObject({ code: "EVENT_UNKNOWN", path: ["type"] });
  });
});
