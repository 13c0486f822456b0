import { planCommand } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { planSpec } from "@rapk/core/testing";
import { SAMPLING, TO_MEDICINES, seedDraft, seedSigned } from "../fixtures/seed.js";

const lower = planCommand("reviseBudget", { line: SAMPLING, pagu: 100_000_000 });
const reallocate = planCommand("allocateContribution", { indicator: "04.01", line: SAMPLING, amount: 100_000_000 - TO_MEDICINES });

describe("a batch", () => {
  it("may lower a pagu and reallocate together, though the lowering alone is refused", () => {
    planSpec.given(seedSigned).when(lower, { kind: "pok" }).thenFails("LINE_OVER_ALLOCATED");
    planSpec
      .given(seedSigned)
      .whenBatch([lower, reallocate], { kind: "pok" })
      .then([
        { type: "BudgetRevised", data: lower.data },
        { type: "ContributionAllocated", data: reallocate.data },
      ]);
  });

  it("emits nothing when its sum breaks an invariant, pointing at the state rather than a command", () => {
    const error = planSpec
      .given(seedDraft)
      .whenBatch([lower, { ...reallocate, data: { ...reallocate.data, amount: 100_000_000 - TO_MEDICINES + 1 } }])
      .thenFails("LINE_OVER_ALLOCATED", ["lines", SAMPLING, "pagu"]);
    expect(error.message).toContain("by Rp1");
  });

  it("emits nothing when one of its commands is refused, and names that command", () => {
    const error = planSpec
      .given(seedDraft)
      .whenBatch([reallocate, planCommand("allocateContribution", { indicator: "04.01", line: "DR.3165.BKB.001.051.B", amount: 1 })])
      .thenFails("UNKNOWN_LINE", [1, "data", "line"]);
    expect(error.message).toBe("command 2 (allocateContribution): unknown budget line DR.3165.BKB.001.051.B");
  });

  it("refuses a command the same way in a batch of one as in a batch of many: indexed, with its own words kept", () => {
    const unknown = planCommand("allocateContribution", { indicator: "04.01", line: "DR.3165.BKB.001.051.B", amount: 1 });
    const alone = planSpec.given(seedDraft).whenBatch([unknown]).thenFails("UNKNOWN_LINE", [0, "data", "line"]);
    const second = planSpec.given(seedDraft).whenBatch([reallocate, unknown]).thenFails("UNKNOWN_LINE", [1, "data", "line"]);
    const words = "unknown budget line DR.3165.BKB.001.051.B";
    expect(alone.command).toEqual({ index: 0, type: "allocateContribution", message: words });
    expect(second.command).toEqual({ index: 1, type: "allocateContribution", message: words });
    expect(alone.message).toBe(`command 1 (allocateContribution): ${words}`);
    // decide is about one command: no number, the path from the command's own fields.
    const single = planSpec.given(seedDraft).when(unknown).thenFails("UNKNOWN_LINE", ["data", "line"]);
    expect(single).toEqual({ code: "UNKNOWN_LINE", message: words, path: ["data", "line"] });
  });

  it("names no command when the batch's sum breaks an invariant", () => {
    const error = planSpec.given(seedDraft).whenBatch([lower]).thenFails("LINE_OVER_ALLOCATED");
    expect(error.command).toBeUndefined();
  });

  it("names a malformed command by position", () => {
    const error = planSpec.given(seedDraft).whenBatch([reallocate, planCommand("reportSpending", { line: SAMPLING, month: 0, amount: 1 })]).thenFails("COMMAND_INVALID", [1, "data", "month"]);
    expect(error.message).toBe("command 2: invalid command: data.month must be a month number 1-12");
  });

  it("sees the state its earlier commands made (an indicator defined, then given targets)", () => {
    const define = planCommand("defineIndicator", { objective: "01", code: "02", name: "Persentase Makanan yang memenuhi syarat", unit: "percent", direction: "higher", shape: "constant" });
    const targets = planCommand("setTargets", { indicator: "01.02", values: Array(12).fill(97.4) });
    planSpec
      .given(seedDraft)
      .whenBatch([define, targets])
      .then([
        { type: "IndicatorDefined", data: define.data },
        { type: "TargetsSet", data: targets.data },
      ]);
  });

  it("that is empty emits nothing and is accepted", () => {
    planSpec.given(seedDraft).whenBatch([]).then([]);
  });
});
