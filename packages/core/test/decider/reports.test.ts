import { planCommand } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { type PlanEvent, type PlanEventInput, type PlanState, evolve, initialState } from "@rapk/core";
import { planSpec, rawCommand } from "@rapk/core/testing";
import { SAMPLING, SAMPLING_PAGU, seedDraft, seedSigned } from "../fixtures/seed.js";

/** The state after the given events and one more. */
function evolveAll(given: readonly unknown[], last: unknown): PlanState {
  return [...given, last].reduce<PlanState>((state, event) => evolve(state, event as PlanEvent), initialState());
}

const realisation = (data: Record<string, unknown>) => (rawCommand({ type: "reportRealisation", data: { indicator: "04.01", month: 3, ...data } }));
const spending = (month: number, amount: unknown, line: string = SAMPLING) => (rawCommand({ type: "reportSpending", data: { line, month, amount } }));

describe("reportRealisation", () => {
  it("records what an indicator reached in a month", () => {
    planSpec.given(seedDraft).when(realisation({ value: 11.2 })).then([{ type: "RealisationReported", data: { indicator: "04.01", month: 3, value: 11.2 } }]);
  });

  it("takes the numerator and denominator a percentage came from (23 of 36 reported as 63.89)", () => {
    const data = { indicator: "04.01", month: 3, value: 63.89, numerator: 23, denominator: 36, note: "pembilang/penyebut" };
    planSpec.given(seedDraft).when({ type: "reportRealisation", data }).then([{ type: "RealisationReported", data }]);
  });

  it("carries the quarter's obstacles (hambatan) and follow-up (rencana tindak lanjut) into the state", () => {
    const data = { indicator: "04.01", month: 6, value: 20.1, obstacles: "reagen terlambat", followUp: "pengadaan dipercepat di Juli" };
    const spec = planSpec.given(seedDraft).when({ type: "reportRealisation", data });
    spec.then([{ type: "RealisationReported", data }]);
    const state = evolveAll(seedDraft, { type: "RealisationReported", data });
    expect(state.realisations["04.01"]?.[6]).toEqual({ value: 20.1, obstacles: "reagen terlambat", followUp: "pengadaan dipercepat di Juli" });
  });

  it("reads an older report without obstacles or follow-up as before", () => {
    const state = evolveAll(seedDraft, { type: "RealisationReported", data: { indicator: "04.01", month: 6, value: 20.1, note: "lama" } });
    expect(state.realisations["04.01"]?.[6]).toEqual({ value: 20.1, note: "lama" });
  });

  it("is accepted on a signed plan without naming a revision: reporting does not change the plan", () => {
    planSpec.given(seedSigned).when(realisation({ value: 11.2 })).then([{ type: "RealisationReported", data: { indicator: "04.01", month: 3, value: 11.2 } }]);
  });

  it("is refused with a numerator but no denominator (RATIO_INCOMPLETE)", () => {
    const error = planSpec.given(seedDraft).when(realisation({ value: 63.89, numerator: 23 })).thenFails("RATIO_INCOMPLETE", ["data", "denominator"]);
    expect(error.message).toBe("numerator and denominator go together");
  });

  it("is refused with a denominator but no numerator (RATIO_INCOMPLETE)", () => {
    planSpec.given(seedDraft).when(realisation({ value: 63.89, denominator: 36 })).thenFails("RATIO_INCOMPLETE", ["data", "numerator"]);
  });

  it("is refused when the value is not the ratio to two decimals (RATIO_MISMATCH)", () => {
    const error = planSpec.given(seedDraft).when(realisation({ value: 63.8, numerator: 23, denominator: 36 })).thenFails("RATIO_MISMATCH", ["data", "value"]);
    expect(error.message).toBe("value 63.8 is not 23/36 = 63.89 %");
  });

  it("is refused for an unknown indicator (UNKNOWN_INDICATOR)", () => {
    planSpec.given(seedDraft).when(realisation({ indicator: "04.02", value: 1 })).thenFails("UNKNOWN_INDICATOR", ["data", "indicator"]);
  });

  it("is refused with COMMAND_INVALID for a zero denominator", () => {
    planSpec.given(seedDraft).when(realisation({ value: 0, numerator: 0, denominator: 0 })).thenFails("COMMAND_INVALID", ["data", "denominator"]);
  });

  it("is refused over 100 for a percentage indicator (PERCENT_OUT_OF_RANGE): 5000 would read as 5.035,25 % achieved", () => {
    const error = planSpec.given(seedDraft).when(realisation({ value: 5000 })).thenFails("PERCENT_OUT_OF_RANGE", ["data", "value"]);
    expect(error.message).toBe("value 5000 is over 100 %: indicator 04.01 is a percentage and none of its targets goes above 100");
    planSpec.given(seedDraft).when(realisation({ value: 100.01 })).thenFails("PERCENT_OUT_OF_RANGE", ["data", "value"]);
    // 40 of 36 is 111.11 %: the ratio is right, the percentage is not.
    planSpec.given(seedDraft).when(realisation({ value: 111.11, numerator: 40, denominator: 36 })).thenFails("PERCENT_OUT_OF_RANGE", ["data", "value"]);
  });

  it("accepts 0 and 100 for a percentage indicator, the edges of its range", () => {
    for (const value of [0, 100]) planSpec.given(seedDraft).when(realisation({ value })).then([{ type: "RealisationReported", data: { indicator: "04.01", month: 3, value } }]);
  });

  it("accepts over 100 when the indicator says so: a percentage with a target above 100, or a unit other than percent", () => {
    const growth: PlanEventInput = { type: "TargetsSet", data: { indicator: "04.01", values: [...Array(11).fill(100), 120] } };
    planSpec.given([...seedDraft, growth]).when(realisation({ value: 112.5 })).then([{ type: "RealisationReported", data: { indicator: "04.01", month: 3, value: 112.5 } }]);
    const score: PlanEvent = { type: "IndicatorDefined", data: { objective: "04", code: "02", name: "Nilai AKIP UPT", unit: "score", direction: "higher", shape: "year-end" } };
    planSpec
      .given([...seedDraft, score])
      .when({ type: "reportRealisation", data: { indicator: "04.02", month: 3, value: 250 } })
      .then([{ type: "RealisationReported", data: { indicator: "04.02", month: 3, value: 250 } }]);
  });

  it("refuses a field it does not know instead of dropping it: `notes` for `note` (COMMAND_INVALID)", () => {
    const error = planSpec.given(seedDraft).when(realisation({ value: 11.2, notes: "sampel belum lengkap" })).thenFails("COMMAND_INVALID", ["data"]);
    expect(error.message).toBe('invalid command: data has an unknown field "notes" (did you mean "note"?); it is refused rather than dropped');
  });
});

describe("reportSpending", () => {
  it("carries a note, obstacles (hambatan) and follow-up beside the money, and a later report's words replace them", () => {
    const data = { line: SAMPLING, month: 6, amount: 1_000_000, note: "sebagian", obstacles: "tender gagal", followUp: "tender ulang di Juli" };
    planSpec.given(seedDraft).when({ type: "reportSpending", data }).then([{ type: "SpendingReported", data }]);
    const noted = evolveAll(seedDraft, { type: "SpendingReported", data });
    expect(noted.spending[SAMPLING]?.[6]).toBe(1_000_000);
    expect(noted.spendingNotes[SAMPLING]?.[6]).toEqual({ note: "sebagian", obstacles: "tender gagal", followUp: "tender ulang di Juli" });
    const superseded = evolve(noted, { type: "SpendingReported", data: { line: SAMPLING, month: 6, amount: 2_000_000 } } as PlanEvent);
    expect(superseded.spending[SAMPLING]?.[6]).toBe(2_000_000);
    expect(superseded.spendingNotes[SAMPLING]).toBeUndefined();
  });

  it("reads an older spending report, without any words, as before", () => {
    const state = evolveAll(seedDraft, { type: "SpendingReported", data: { line: SAMPLING, month: 2, amount: 5 } });
    expect(state.spending[SAMPLING]?.[2]).toBe(5);
    expect(state.spendingNotes).toEqual({});
  });

  it("records what was spent on a line in a month", () => {
    planSpec.given(seedDraft).when(spending(1, 10_000_000)).then([{ type: "SpendingReported", data: { line: SAMPLING, month: 1, amount: 10_000_000 } }]);
  });

  it("lets a later report for the same month replace the earlier one rather than add to it", () => {
    planSpec
      .given([...seedDraft, { type: "SpendingReported", data: { line: SAMPLING, month: 1, amount: SAMPLING_PAGU } }])
      .when(spending(1, SAMPLING_PAGU))
      .then([{ type: "SpendingReported", data: { line: SAMPLING, month: 1, amount: SAMPLING_PAGU } }]);
  });

  it("is refused when the months together exceed the pagu (LINE_OVERSPENT), saying by how much", () => {
    const error = planSpec
      .given([...seedDraft, { type: "SpendingReported", data: { line: SAMPLING, month: 1, amount: 100_000_000 } }])
      .when(spending(2, 25_736_001))
      .thenFails("LINE_OVERSPENT", ["spending", SAMPLING]);
    expect(error.message).toBe("budget line DR.3165.QIA.005.053.A: spending Rp125.736.001 exceeds its pagu Rp125.736.000 by Rp1");
  });

  it("is refused for an unknown line (UNKNOWN_LINE)", () => {
    planSpec.given(seedDraft).when(spending(1, 1, "DR.3165.PDD.001.054.C")).thenFails("UNKNOWN_LINE", ["data", "line"]);
  });
});
