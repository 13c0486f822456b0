import { planCommand } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { planSpec } from "@rapk/core/testing";
import { LAB_SAMPLE_TARGETS, seedDraft } from "../fixtures/seed.js";

describe("setTargets", () => {
  it("sets all twelve months at once, blanks included", () => {
    const values = [null, 0, 15, 15, 40, 40, 80, 80, 80, 80, 80, 100];
    planSpec.given(seedDraft).when(planCommand("setTargets", { indicator: "01.01", values })).then([{ type: "TargetsSet", data: { indicator: "01.01", values } }]);
  });

  it("accepts 04.01's published cumulative targets", () => {
    planSpec
      .given(seedDraft.filter((e) => e.type !== "TargetsSet"))
      .when(planCommand("setTargets", { indicator: "04.01", values: LAB_SAMPLE_TARGETS }))
      .then([{ type: "TargetsSet", data: { indicator: "04.01", values: LAB_SAMPLE_TARGETS } }]);
  });

  it("is refused for an unknown indicator (UNKNOWN_INDICATOR)", () => {
    planSpec.given(seedDraft).when(planCommand("setTargets", { indicator: "05.01", values: Array(12).fill(0) })).thenFails("UNKNOWN_INDICATOR", ["data", "indicator"]);
  });

  it("is refused with COMMAND_INVALID when there are not twelve values", () => {
    const error = planSpec.given(seedDraft).when(planCommand("setTargets", { indicator: "01.01", values: Array(11).fill(99.3) })).thenFails("COMMAND_INVALID", ["data", "values"]);
    expect(error.message).toBe("invalid command: data.values must have exactly 12 monthly targets (B01..B12)");
  });

  it("is refused with COMMAND_INVALID naming the month when a value is negative", () => {
    const values = [...Array(11).fill(99.3), -1];
    const error = planSpec.given(seedDraft).when(planCommand("setTargets", { indicator: "01.01", values })).thenFails("COMMAND_INVALID", ["data", "values", 11]);
    expect(error.message).toContain("must not be negative");
  });

  it("is refused when a cumulative indicator would go down (CUMULATIVE_DECREASES), naming the months", () => {
    const values = [...LAB_SAMPLE_TARGETS];
    values[5] = 18; // June below May's 18.03
    const error = planSpec.given(seedDraft).when(planCommand("setTargets", { indicator: "04.01", values })).thenFails("CUMULATIVE_DECREASES", ["indicators", "04.01", "targets", 5]);
    expect(error.message).toBe("cumulative indicator 04.01: target of month 6 (18) is below month 5 (18.03)");
  });

  it("lets a constant indicator go down: only cumulative ones must not", () => {
    const values = [99.3, 99, ...Array(10).fill(98)];
    planSpec.given(seedDraft).when(planCommand("setTargets", { indicator: "01.01", values })).then([{ type: "TargetsSet", data: { indicator: "01.01", values } }]);
  });
});

describe("setTarget", () => {
  it("sets one month", () => {
    const data = { indicator: "04.01", month: 12, value: 55 };
    planSpec.given(seedDraft).when({ type: "setTarget", data }).then([{ type: "TargetSet", data }]);
  });

  it("blanks a month with null; blank months are skipped when checking a cumulative indicator", () => {
    const data = { indicator: "04.01", month: 3, value: null };
    planSpec.given(seedDraft).when({ type: "setTarget", data }).then([{ type: "TargetSet", data }]);
  });

  it("is refused for an unknown indicator (UNKNOWN_INDICATOR)", () => {
    planSpec.given(seedDraft).when(planCommand("setTarget", { indicator: "04.02", month: 1, value: 2.51 })).thenFails("UNKNOWN_INDICATOR", ["data", "indicator"]);
  });

  it("is refused with COMMAND_INVALID for month 13", () => {
    const error = planSpec.given(seedDraft).when(planCommand("setTarget", { indicator: "04.01", month: 13, value: 50 })).thenFails("COMMAND_INVALID", ["data", "month"]);
    expect(error.message).toBe("invalid command: data.month must be a month number 1-12");
  });

  it("is refused when it lowers a cumulative month below an earlier one (CUMULATIVE_DECREASES)", () => {
    const error = planSpec.given(seedDraft).when(planCommand("setTarget", { indicator: "04.01", month: 12, value: 49 })).thenFails("CUMULATIVE_DECREASES", ["indicators", "04.01", "targets", 11]);
    expect(error.message).toBe("cumulative indicator 04.01: target of month 12 (49) is below month 11 (49.28)");
  });
});
