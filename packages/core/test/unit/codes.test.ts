import { describe, expect, it } from "vitest";
import { IndicatorId, LineId, PLAN_COMMAND_TYPES, type PlanEvent, budgetSummary, indicatorBudget, planCommand, stateAfter, PLAN_EVENT_TYPES, RevisionKind, indicatorId, isPlanChange, kindAllows, kindsAllowing, lineId } from "@rapk/core";

describe("ids", () => {
  it("join an indicator's objective and code: 01.07", () => {
    expect(indicatorId("01", "07")).toBe("01.07");
    expect(IndicatorId.safeParse("01.07").success).toBe(true);
    expect(IndicatorId.safeParse("1.7").success).toBe(false);
  });

  it("join a budget line's RO, component and sub-component: DR.3165.QIA.005.053.A", () => {
    expect(lineId("DR.3165.QIA.005", "053", "A")).toBe("DR.3165.QIA.005.053.A");
    for (const id of ["DR.3165.QIA.005.053.A", "WA.6384.EBA.994.001.A", "DR.3165.QCD.U61.051.B"]) expect(LineId.safeParse(id).success).toBe(true);
    for (const id of ["DR.3165.QIA.005", "063.01.DR.3165.QIA.005.053.A.521211", "dr.3165.qia.005.053.a"]) expect(LineId.safeParse(id).success).toBe(false);
  });
});

describe("branded ids", () => {
  // The brands are types only: the lines marked as expected errors are checked by
  // `pnpm typecheck` (a mark with no error under it fails it), their run-time halves here.
  const state = stateAfter([]);
  const line = LineId.parse("DR.3165.QIA.005.053.A");
  const indicator = IndicatorId.parse("01.07");

  it("keep a budget line's id from being taken for an indicator's", () => {
    // @ts-expect-error: a line id where an indicator id belongs
    expect(indicatorBudget(state, line)).toBe(0);
    expect(indicatorBudget(state, indicator)).toBe(0);
    // @ts-expect-error: the two ids of a contribution swapped
    const swapped: PlanEvent = { type: "ContributionAllocated", data: { indicator: line, line: indicator, amount: 1 } };
    expect(swapped.data).toEqual({ indicator: "DR.3165.QIA.005.053.A", line: "01.07", amount: 1 });
    expect(budgetSummary(state).lines.map((l) => l.id)).toEqual([]);
  });

  it("are given only by a schema's check or by joining codes, never by a plain string", () => {
    // @ts-expect-error: a plain string is not yet an IndicatorId
    const unchecked: IndicatorId = "01.07";
    expect(unchecked).toBe(indicatorId("01", "07"));
    expect(IndicatorId.safeParse(line).success).toBe(false);
    expect(LineId.safeParse(indicator).success).toBe(false);
  });

  it("stay plain strings in a command, which decide checks", () => {
    const command = planCommand("setTarget", { indicator: "01.07", month: 1, value: 5 });
    expect(command.data.indicator).toBe(indicator);
  });
});

describe("event and command types", () => {
  it("pair up one to one", () => {
    expect(PLAN_EVENT_TYPES).toHaveLength(26);
    expect(PLAN_COMMAND_TYPES).toHaveLength(26);
  });
});

const STEPS = ["propose", "approveProposal", "returnProposal", "withdrawProposal"];

describe("revision kinds", () => {
  it("are draft, pok, dipa, rapk, report and roster", () => {
    expect(RevisionKind.options).toEqual(["draft", "pok", "dipa", "rapk", "report", "roster"]);
  });

  it("say what each may contain", () => {
    const table = Object.fromEntries(RevisionKind.options.map((kind) => [kind, PLAN_COMMAND_TYPES.filter((type) => kindAllows(kind, type))]));
    expect(table).toEqual({
      draft: PLAN_COMMAND_TYPES,
      pok: ["registerBudgetLine", "reviseBudget", "allocateContribution", ...STEPS],
      dipa: ["registerBudgetLine", "reviseBudget", "reviseCeiling", "allocateContribution", ...STEPS],
      rapk: ["defineObjective", "renameObjective", "defineIndicator", "renameIndicator", "setTarget", "setTargets", "allocateContribution", "signPlan", "stateIndicatorBudget", "statePlanTotal", ...STEPS],
      report: ["reportRealisation", "reportSpending", ...STEPS],
      roster: ["addMember", "changeMemberRole", "rekeyMember", "removeMember", "requireRoles", "ratifyVersions", ...STEPS],
    });
  });

  it("tell reports apart from changes to the plan", () => {
    expect(PLAN_COMMAND_TYPES.filter((type) => !isPlanChange(type))).toEqual(["reportRealisation", "reportSpending", ...STEPS]);
    expect(kindsAllowing("reviseCeiling")).toEqual(["dipa"]);
    expect(kindsAllowing("draftPlan")).toEqual([]);
  });
});
