import { describe, expect, it } from "vitest";
import { IndicatorId, LineId, PLAN_COMMAND_TYPES, PLAN_EVENT_TYPES, RevisionKind, indicatorId, isPlanChange, kindAllows, kindsAllowing, lineId } from "@rapk/core";

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

describe("event and command types", () => {
  it("pair up one to one", () => {
    expect(PLAN_EVENT_TYPES).toHaveLength(16);
    expect(PLAN_COMMAND_TYPES).toHaveLength(16);
  });
});

describe("revision kinds", () => {
  it("are draft, pok, dipa, rapk and report", () => {
    expect(RevisionKind.options).toEqual(["draft", "pok", "dipa", "rapk", "report"]);
  });

  it("say what each may contain", () => {
    const table = Object.fromEntries(RevisionKind.options.map((kind) => [kind, PLAN_COMMAND_TYPES.filter((type) => kindAllows(kind, type))]));
    expect(table).toEqual({
      draft: PLAN_COMMAND_TYPES,
      pok: ["registerBudgetLine", "reviseBudget", "allocateContribution"],
      dipa: ["registerBudgetLine", "reviseBudget", "reviseCeiling", "allocateContribution"],
      rapk: ["defineObjective", "renameObjective", "defineIndicator", "renameIndicator", "setTarget", "setTargets", "allocateContribution", "signPlan", "stateIndicatorBudget", "statePlanTotal"],
      report: ["reportRealisation", "reportSpending"],
    });
  });

  it("tell reports apart from changes to the plan", () => {
    expect(PLAN_COMMAND_TYPES.filter((type) => !isPlanChange(type))).toEqual(["reportRealisation", "reportSpending"]);
    expect(kindsAllowing("reviseCeiling")).toEqual(["dipa"]);
    expect(kindsAllowing("draftPlan")).toEqual([]);
  });
});
