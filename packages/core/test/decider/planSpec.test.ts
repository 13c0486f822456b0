import { describe, expect, it } from "vitest";
import { DomainFailure, planCommand } from "@rapk/core";
import { SpecificationError, planSpec } from "@rapk/core/testing";
import { SAMPLING, seedDraft, toLabSamples, toMedicines } from "../fixtures/seed.js";

const spend = planCommand("reportSpending", { line: SAMPLING, month: 1, amount: 5 });
const spent = { type: "SpendingReported" as const, data: { line: SAMPLING, month: 1, amount: 5 } };
const overspend = planCommand("reportSpending", { line: SAMPLING, month: 1, amount: 125_736_001 });

describe("planSpec, the given/when/then helper", () => {
  it("passes when the events match, whatever the key order of their data", () => {
    expect(() => planSpec.given(seedDraft).when(spend).then([{ type: "SpendingReported", data: { amount: 5, month: 1, line: SAMPLING } }])).not.toThrow();
  });

  it("fails when the command is refused but events were expected, giving the code and message", () => {
    expect(() => planSpec.given(seedDraft).when(overspend).then([spent])).toThrow(
      new SpecificationError("expected events, but refused with LINE_OVERSPENT: budget line DR.3165.QIA.005.053.A: spending Rp125.736.001 exceeds its pagu Rp125.736.000 by Rp1"),
    );
  });

  it("fails when the events differ in data, number or order", () => {
    expect(() => planSpec.given(seedDraft).when(spend).then([{ ...spent, data: { ...spent.data, amount: 6 } }])).toThrow(SpecificationError);
    expect(() => planSpec.given(seedDraft).when(spend).then([spent, spent])).toThrow(SpecificationError);
    expect(() => planSpec.given(seedDraft).when(spend).then([])).toThrow(/expected events\n {2}\[\]\nbut got/);
    const batch = planSpec.given(seedDraft.filter((e) => e.type !== "ContributionAllocated")).whenBatch([
      planCommand("allocateContribution", toMedicines.data),
      planCommand("allocateContribution", toLabSamples.data),
    ]);
    expect(() => batch.then([toLabSamples, toMedicines])).toThrow(SpecificationError);
    expect(() => batch.then([toMedicines, toLabSamples])).not.toThrow();
  });

  it("fails when a refusal was expected but the command was accepted", () => {
    expect(() => planSpec.given(seedDraft).when(spend).thenFails("LINE_OVERSPENT")).toThrow(/^expected LINE_OVERSPENT, but the command was accepted with /);
  });

  it("fails when the refusal has another code, or another path", () => {
    expect(() => planSpec.given(seedDraft).when(overspend).thenFails("LINE_OVER_ALLOCATED")).toThrow(/^expected LINE_OVER_ALLOCATED, but refused with LINE_OVERSPENT: /);
    expect(() => planSpec.given(seedDraft).when(overspend).thenFails("LINE_OVERSPENT", ["data", "amount"])).toThrow(
      'expected LINE_OVERSPENT at ["data","amount"], but it was at ["spending","DR.3165.QIA.005.053.A"]',
    );
  });

  it("returns the error of an expected refusal, so its message can be checked", () => {
    const error = planSpec.given(seedDraft).when(overspend).thenFails("LINE_OVERSPENT", ["spending", SAMPLING]);
    expect(error).toEqual({ code: "LINE_OVERSPENT", message: expect.stringContaining("by Rp1"), path: ["spending", SAMPLING] });
  });

  it("refuses a history that cannot have happened (an event about something never defined)", () => {
    expect(() => planSpec.given([toMedicines])).toThrow(DomainFailure);
    expect(() => planSpec.given([toMedicines])).toThrow("ContributionAllocated: unknown indicator 01.01");
  });
});
