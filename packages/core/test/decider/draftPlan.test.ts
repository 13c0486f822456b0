import { planCommand } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { planSpec, rawCommand } from "@rapk/core/testing";
import { CEILING, commandOf, drafted, seedDraft } from "../fixtures/seed.js";

const draft = commandOf(drafted);

describe("draftPlan", () => {
  it("starts the plan of a unit and year with its ceiling", () => {
    planSpec.given([]).when(draft).then([drafted]);
  });

  it("keeps the title optional", () => {
    const untitled = planCommand("draftPlan", { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "BPOM", year: 2024, ceiling: CEILING });
    planSpec.given([]).when(untitled).then([{ type: "PlanDrafted", data: untitled.data }]);
  });

  it("is refused once a plan is drafted (PLAN_ALREADY_DRAFTED)", () => {
    planSpec.given(seedDraft).when(draft).thenFails("PLAN_ALREADY_DRAFTED");
  });

  it("is refused with COMMAND_INVALID naming the field when the year is not a fiscal year", () => {
    const error = planSpec
      .given([])
      .when(planCommand("draftPlan", { ...drafted.data, year: 1999 }))
      .thenFails("COMMAND_INVALID", ["data", "year"]);
    expect(error.message).toBe("invalid command: data.year must be a fiscal year like 2024");
  });

  it("is refused with COMMAND_INVALID naming the field when the unit is blank", () => {
    const error = planSpec.given([]).when(planCommand("draftPlan", { ...drafted.data, unit: "   " })).thenFails("COMMAND_INVALID", ["data", "unit"]);
    expect(error.message).toContain("must not be empty");
  });
});

describe("any command before the plan is drafted", () => {
  it.each([
    planCommand("defineObjective", { code: "01", name: "Sasaran" }),
    planCommand("reviseCeiling", { ceiling: CEILING }),
    planCommand("signPlan", { place: "Rejang Lebong", date: "2024-02-22", name: null, title: "Kepala" }),
    planCommand("reportSpending", { line: "DR.3165.QIA.005.053.A", month: 1, amount: 1 }),
  ])("is refused with PLAN_NOT_DRAFTED ($type)", (command) => {
    const error = planSpec.given([]).when(command).thenFails("PLAN_NOT_DRAFTED", ["type"]);
    expect(error.message).toBe("no plan has been drafted yet");
  });
});

describe("something that is not a command", () => {
  it.each([
    [null, []],
    [{ type: "deletePlan", data: {} }, ["type"]],
    [{ type: "reviseBudget" }, ["data"]],
  ] as const)("is refused with COMMAND_INVALID at the offending path (%j)", (raw, path) => {
    const error = planSpec.given(seedDraft).when(rawCommand(raw)).thenFails("COMMAND_INVALID", path);
    expect(error.message).toMatch(/^invalid command: /);
  });
});
