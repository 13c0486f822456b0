import { planCommand } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { stateAfter } from "@rapk/core";
import { planSpec, rawCommand } from "@rapk/core/testing";
import { SAMPLING, SAMPLING_PAGU, TO_LAB_SAMPLES, TO_MEDICINES, seedDraft, toLabSamples, toMedicines } from "../fixtures/seed.js";

const unallocated = seedDraft.filter((e) => e.type !== "ContributionAllocated");
const allocate = (indicator: string, amount: unknown, line: string = SAMPLING) => (rawCommand({ type: "allocateContribution", data: { indicator, line, amount } }));

describe("allocateContribution", () => {
  it("attributes part of a line to an indicator, as the seed does for 01.01 and 04.01", () => {
    planSpec.given(unallocated).whenBatch([allocate("01.01", TO_MEDICINES), allocate("04.01", TO_LAB_SAMPLES)]).then([toMedicines, toLabSamples]);
  });

  it("replaces an earlier amount for the same indicator and line", () => {
    planSpec.given(seedDraft).when(allocate("01.01", 60_000_000)).then([{ type: "ContributionAllocated", data: { indicator: "01.01", line: SAMPLING, amount: 60_000_000 } }]);
  });

  it("withdraws a contribution with 0, leaving no row behind", () => {
    const withdrawal = { type: "ContributionAllocated" as const, data: { indicator: "01.01", line: SAMPLING, amount: 0 } };
    planSpec.given(seedDraft).when(allocate("01.01", 0)).then([withdrawal]);
    expect(stateAfter([...seedDraft, withdrawal]).contributions).toEqual({ "04.01": { [SAMPLING]: TO_LAB_SAMPLES } });
  });

  it("may use up the line exactly", () => {
    const rest = SAMPLING_PAGU - TO_MEDICINES; // 55,323,840
    planSpec.given(seedDraft).when(allocate("04.01", rest)).then([{ type: "ContributionAllocated", data: { indicator: "04.01", line: SAMPLING, amount: rest } }]);
  });

  it("is refused one Rupiah over the line's pagu (LINE_OVER_ALLOCATED), saying by how much", () => {
    const error = planSpec.given(seedDraft).when(allocate("04.01", SAMPLING_PAGU - TO_MEDICINES + 1)).thenFails("LINE_OVER_ALLOCATED", ["lines", SAMPLING, "pagu"]);
    expect(error.message).toBe("budget line DR.3165.QIA.005.053.A: contributions Rp125.736.001 exceed its pagu Rp125.736.000 by Rp1");
  });

  it("is refused for an unknown indicator (UNKNOWN_INDICATOR)", () => {
    const error = planSpec.given(seedDraft).when(allocate("01.07", 1)).thenFails("UNKNOWN_INDICATOR", ["data", "indicator"]);
    expect(error.message).toBe("unknown indicator 01.07");
  });

  it("is refused for an unknown line (UNKNOWN_LINE)", () => {
    planSpec.given(seedDraft).when(allocate("01.01", 1, "DR.3165.BKB.001.051.B")).thenFails("UNKNOWN_LINE", ["data", "line"]);
  });
});
