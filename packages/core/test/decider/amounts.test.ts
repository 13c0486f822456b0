import { planCommand } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { type PlanState, decide, stateAfter } from "@rapk/core";
import { planSpec, rawCommand } from "@rapk/core/testing";
import { SAMPLING, seedDraft } from "../fixtures/seed.js";

// Every Rupiah field is a whole, non-negative, safe integer. The command schemas refuse anything
// else before decide looks at the plan, so AMOUNT_NOT_WHOLE_RUPIAH is met only on a state that
// was damaged behind decide's back (below).
const cases = [
  { field: "ceiling", command: (v: unknown) => (rawCommand({ type: "reviseCeiling", data: { ceiling: v } })), path: ["data", "ceiling"] },
  { field: "pagu", command: (v: unknown) => (rawCommand({ type: "reviseBudget", data: { line: SAMPLING, pagu: v } })), path: ["data", "pagu"] },
  { field: "contribution", command: (v: unknown) => (rawCommand({ type: "allocateContribution", data: { indicator: "01.01", line: SAMPLING, amount: v } })), path: ["data", "amount"] },
  { field: "spending", command: (v: unknown) => (rawCommand({ type: "reportSpending", data: { line: SAMPLING, month: 1, amount: v } })), path: ["data", "amount"] },
];

describe.each(cases)("a $field amount", ({ command, path }) => {
  it.each([
    [70_412_160.5, "must be a whole number of Rupiah"],
    [-1, "must not be negative"],
    [Number.MAX_SAFE_INTEGER + 2, "must be a safe integer"],
    ["70412160", "must be a number of Rupiah"],
  ] as const)("of %j is refused with COMMAND_INVALID at its path: %s", (value, why) => {
    const error = planSpec.given(seedDraft).when(command(value)).thenFails("COMMAND_INVALID", path);
    expect(error.message).toBe(`invalid command: ${path.join(".")} ${why}`);
  });
});

describe("AMOUNT_NOT_WHOLE_RUPIAH", () => {
  it("refuses any command on a state whose amounts are not whole Rupiah, naming the amount", () => {
    const state = stateAfter(seedDraft);
    const damaged: PlanState = { ...state, lines: { ...state.lines, [SAMPLING]: { ...state.lines[SAMPLING]!, pagu: 125_736_000.5 } } };
    const result = decide(planCommand("reportSpending", { line: SAMPLING, month: 1, amount: 0 }), damaged);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "AMOUNT_NOT_WHOLE_RUPIAH",
        message: "lines.DR.3165.QIA.005.053.A.pagu is 125736000.5, not a whole non-negative Rupiah amount",
        path: ["lines", SAMPLING, "pagu"],
      },
    });
  });
});
