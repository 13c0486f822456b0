import { planCommand } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { planSpec } from "@rapk/core/testing";
import { CEILING, LAB_SAMPLE_TARGETS, SAMPLING, commandOf, seedDraft, seedSigned, signed } from "../fixtures/seed.js";

const lowerSampling = planCommand("reviseBudget", { line: SAMPLING, pagu: 120_000_000 });
const newTargets = planCommand("setTargets", { indicator: "04.01", values: LAB_SAMPLE_TARGETS.map((t) => t + 1) });

describe("signPlan", () => {
  it("signs the plan with place, date and signatory (the published plan omits the name)", () => {
    planSpec.given(seedDraft).when(commandOf(signed)).then([signed]);
  });

  it("is refused with COMMAND_INVALID for a date that is not an ISO date", () => {
    const error = planSpec.given(seedDraft).when(planCommand("signPlan", { ...signed.data, date: "22 Februari 2024" })).thenFails("COMMAND_INVALID", ["data", "date"]);
    expect(error.message).toBe("invalid command: data.date must be an ISO date like 2024-02-22");
  });
});

describe("a signed plan", () => {
  it("refuses a change that names no revision (PLAN_SIGNED_REVISION_REQUIRED), saying which revisions may carry it", () => {
    const error = planSpec.given(seedSigned).when(lowerSampling).thenFails("PLAN_SIGNED_REVISION_REQUIRED", ["type"]);
    expect(error.message).toBe("the plan is signed: reviseBudget is accepted only in a revision (pok, dipa)");
  });

  it("refuses a change in a batch that calls itself a draft: drafting ends with the signature", () => {
    const error = planSpec.given(seedSigned).when(lowerSampling, { kind: "draft" }).thenFails("PLAN_SIGNED_REVISION_REQUIRED", ["type"]);
    expect(error.message).toBe("the plan is signed: reviseBudget is accepted only in a revision (pok, dipa)");
  });

  it("still takes reports in a batch that calls itself a draft", () => {
    const data = { line: SAMPLING, month: 1, amount: 1 };
    planSpec.given(seedSigned).when({ type: "reportSpending", data }, { kind: "draft" }).then([{ type: "SpendingReported", data }]);
  });

  it("names the command in a batch that needs a revision", () => {
    planSpec
      .given(seedSigned)
      .whenBatch([planCommand("reportSpending", { line: SAMPLING, month: 1, amount: 1 }), newTargets])
      .thenFails("PLAN_SIGNED_REVISION_REQUIRED", [1, "type"]);
  });

  it("takes a budget move as a Revisi POK", () => {
    planSpec.given(seedSigned).when(lowerSampling, { kind: "pok" }).then([{ type: "BudgetRevised", data: lowerSampling.data }]);
  });

  it("refuses a ceiling change in a Revisi POK (POK_CHANGES_CEILING)", () => {
    const error = planSpec.given(seedSigned).when(planCommand("reviseCeiling", { ceiling: CEILING + 1 }), { kind: "pok" }).thenFails("POK_CHANGES_CEILING", ["data", "ceiling"]);
    expect(error.message).toBe("a Revisi POK must leave the total ceiling unchanged (that takes a Revisi DIPA)");
  });

  it("takes a ceiling change as a Revisi DIPA", () => {
    planSpec.given(seedSigned).when(planCommand("reviseCeiling", { ceiling: CEILING + 1 }), { kind: "dipa" }).then([{ type: "CeilingRevised", data: { ceiling: CEILING + 1 } }]);
  });

  it("refuses targets in a Revisi POK (REVISION_KIND_MISMATCH), naming where they belong", () => {
    const error = planSpec.given(seedSigned).when(newTargets, { kind: "pok" }).thenFails("REVISION_KIND_MISMATCH", ["type"]);
    expect(error.message).toBe("setTargets is not part of a pok revision (it belongs in: rapk)");
  });

  it("names the command in a batch that does not belong to its kind", () => {
    const error = planSpec.given(seedSigned).whenBatch([lowerSampling, newTargets], { kind: "dipa" }).thenFails("REVISION_KIND_MISMATCH", [1, "type"]);
    expect(error.message).toBe("command 2 (setTargets): setTargets is not part of a dipa revision (it belongs in: rapk)");
  });

  it("takes new targets, signed again, as a revised RAPK", () => {
    planSpec
      .given(seedSigned)
      .whenBatch([newTargets, commandOf({ type: "PlanSigned", data: { ...signed.data, date: "2024-07-01" } })], { kind: "rapk" })
      .then([
        { type: "TargetsSet", data: newTargets.data },
        { type: "PlanSigned", data: { ...signed.data, date: "2024-07-01" } },
      ]);
  });

  it("refuses a plan change in a report batch (REVISION_KIND_MISMATCH)", () => {
    planSpec.given(seedSigned).when(lowerSampling, { kind: "report" }).thenFails("REVISION_KIND_MISMATCH", ["type"]);
  });

  it("refuses to be drafted again in any revision", () => {
    for (const kind of ["pok", "dipa", "rapk", "report"] as const)
      planSpec.given(seedSigned).when(planCommand("draftPlan", { unit: "X", agency: "Y", year: 2024, ceiling: 1 }), { kind }).thenFails("REVISION_KIND_MISMATCH", ["type"]);
  });
});
