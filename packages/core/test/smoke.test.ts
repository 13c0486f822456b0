import { describe, expect, it } from "vitest";
import { decideBatch, initialState, stateAfter } from "@rapk/core";

describe("a plan drafted through the public API", () => {
  it("is refused a contribution over the line's pagu, saying by how much", () => {
    const drafted = decideBatch(
      [
        { type: "draftPlan", data: { unit: "Loka POM", agency: "BPOM", year: 2024, ceiling: 1000 } },
        { type: "defineObjective", data: { code: "01", name: "Objective" } },
        { type: "defineIndicator", data: { objective: "01", code: "01", name: "Indicator", unit: "percent", direction: "higher", shape: "constant" } },
        { type: "registerBudgetLine", data: { output: { code: "DR.3165.QIA.005", name: "RO" }, component: { code: "053", name: "K" }, subComponent: { code: "A", name: "S" }, pagu: 500 } },
      ],
      initialState(),
    );
    expect(drafted.ok).toBe(true);
    const state = stateAfter(drafted.ok ? drafted.value : []);
    const refused = decideBatch([{ type: "allocateContribution", data: { indicator: "01.01", line: "DR.3165.QIA.005.053.A", amount: 501 } }], state);
    expect(refused.ok ? undefined : refused.error.code).toBe("LINE_OVER_ALLOCATED");
    expect(refused.ok ? "" : refused.error.message).toContain("by Rp1");
  });
});
