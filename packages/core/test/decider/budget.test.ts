import { planCommand } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { planSpec } from "@rapk/core/testing";
import { CEILING, FOOD_SAMPLING_PAGU, SAMPLING, SAMPLING_PAGU, TO_LAB_SAMPLES, TO_MEDICINES, samplingLine, seedDraft } from "../fixtures/seed.js";

const reagents = {
  output: { code: "DR.3165.PDD.001", name: "Laboratorium pengawasan Obat dan Makanan yang sesuai Good Laboratory Practice" },
  component: { code: "054", name: "Peningkatan ruang lingkup pengujian" },
  subComponent: { code: "C", name: "PENGADAAN REAGEN" },
  pagu: 79_660_000,
};
const registeredPagu = SAMPLING_PAGU + FOOD_SAMPLING_PAGU; // 204,578,000

describe("registerBudgetLine", () => {
  it("adds a line of the DIPA with its pagu", () => {
    planSpec.given(seedDraft).when(planCommand("registerBudgetLine", reagents)).then([{ type: "BudgetLineRegistered", data: reagents }]);
  });

  it("is refused when RO, component and sub-component are taken (LINE_EXISTS)", () => {
    const error = planSpec.given(seedDraft).when(planCommand("registerBudgetLine", samplingLine.data)).thenFails("LINE_EXISTS", ["data", "subComponent", "code"]);
    expect(error.message).toBe("budget line DR.3165.QIA.005.053.A is already registered");
  });

  it("is refused when the lines would add up to more than the ceiling (CEILING_EXCEEDED), saying by how much", () => {
    const error = planSpec
      .given(seedDraft)
      .when(planCommand("registerBudgetLine", { ...reagents, pagu: CEILING - registeredPagu + 1 }))
      .thenFails("CEILING_EXCEEDED", ["plan", "ceiling"]);
    expect(error.message).toBe("the budget lines add up to Rp4.801.300.001, over the plan's ceiling Rp4.801.300.000 by Rp1");
  });

  it("accepts lines that use the ceiling exactly", () => {
    const data = { ...reagents, pagu: CEILING - registeredPagu };
    planSpec.given(seedDraft).when({ type: "registerBudgetLine", data }).then([{ type: "BudgetLineRegistered", data }]);
  });

  it("is refused with COMMAND_INVALID for an RO code of the wrong form", () => {
    planSpec
      .given(seedDraft)
      .when(planCommand("registerBudgetLine", { ...reagents, output: { code: "DR.3165.PDD", name: "RO" } }))
      .thenFails("COMMAND_INVALID", ["data", "output", "code"]);
  });
});

describe("reviseBudget", () => {
  it("changes a line's pagu", () => {
    const data = { line: SAMPLING, pagu: 130_000_000 };
    planSpec.given(seedDraft).when({ type: "reviseBudget", data }).then([{ type: "BudgetRevised", data }]);
  });

  it("may lower the pagu to exactly what is allocated from it", () => {
    const data = { line: SAMPLING, pagu: TO_MEDICINES + TO_LAB_SAMPLES };
    planSpec.given(seedDraft).when({ type: "reviseBudget", data }).then([{ type: "BudgetRevised", data }]);
  });

  it("is refused below what is allocated (LINE_OVER_ALLOCATED), saying by how much", () => {
    const error = planSpec.given(seedDraft).when(planCommand("reviseBudget", { line: SAMPLING, pagu: 100_000_000 })).thenFails("LINE_OVER_ALLOCATED", ["lines", SAMPLING, "pagu"]);
    expect(error.message).toBe("budget line DR.3165.QIA.005.053.A: contributions Rp100.588.800 exceed its pagu Rp100.000.000 by Rp588.800");
  });

  it("is refused for a line that is not registered (UNKNOWN_LINE)", () => {
    const error = planSpec.given(seedDraft).when(planCommand("reviseBudget", { line: "DR.3165.PDD.001.054.C", pagu: 1 })).thenFails("UNKNOWN_LINE", ["data", "line"]);
    expect(error.message).toBe("unknown budget line DR.3165.PDD.001.054.C");
  });

  it("is refused when the pagu is what it already is (NO_CHANGE)", () => {
    const error = planSpec.given(seedDraft).when(planCommand("reviseBudget", { line: SAMPLING, pagu: SAMPLING_PAGU })).thenFails("NO_CHANGE", ["data", "pagu"]);
    expect(error.message).toBe("budget line DR.3165.QIA.005.053.A already has pagu 125736000");
  });

  it("is refused above the ceiling (CEILING_EXCEEDED)", () => {
    planSpec.given(seedDraft).when(planCommand("reviseBudget", { line: SAMPLING, pagu: CEILING })).thenFails("CEILING_EXCEEDED", ["plan", "ceiling"]);
  });
});

describe("reviseCeiling", () => {
  it("changes the unit's total ceiling", () => {
    planSpec.given(seedDraft).when(planCommand("reviseCeiling", { ceiling: 5_000_000_000 })).then([{ type: "CeilingRevised", data: { ceiling: 5_000_000_000 } }]);
  });

  it("may lower it to exactly the lines' pagu", () => {
    planSpec.given(seedDraft).when(planCommand("reviseCeiling", { ceiling: registeredPagu })).then([{ type: "CeilingRevised", data: { ceiling: registeredPagu } }]);
  });

  it("is refused below the lines' pagu (CEILING_EXCEEDED), saying by how much", () => {
    const error = planSpec.given(seedDraft).when(planCommand("reviseCeiling", { ceiling: registeredPagu - 1 })).thenFails("CEILING_EXCEEDED", ["plan", "ceiling"]);
    expect(error.message).toBe("the budget lines add up to Rp204.578.000, over the plan's ceiling Rp204.577.999 by Rp1");
  });

  it("is refused when the ceiling is what it already is (NO_CHANGE)", () => {
    const error = planSpec.given(seedDraft).when(planCommand("reviseCeiling", { ceiling: CEILING })).thenFails("NO_CHANGE", ["data", "ceiling"]);
    expect(error.message).toBe("the ceiling is already 4801300000");
  });
});
