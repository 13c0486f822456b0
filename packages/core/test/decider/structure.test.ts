import { planCommand } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { planSpec, rawCommand } from "@rapk/core/testing";
import { drafted, indicator0101, objective01, seedDraft } from "../fixtures/seed.js";

const kie = { code: "03", number: 3, name: "Meningkatnya efektivitas komunikasi, informasi, edukasi Obat dan Makanan di masing-masing wilayah kerja UPT" };
const tingkatKie = { objective: "03", code: "01", name: "Tingkat Efektifitas KIE Obat dan Makanan", unit: "level", direction: "higher", shape: "stepped" } as const;

describe("defineObjective", () => {
  it("adds an objective with its code and display number", () => {
    planSpec.given([drafted]).when(planCommand("defineObjective", kie)).then([{ type: "ObjectiveDefined", data: kie }]);
  });

  it("is refused when the code is taken (OBJECTIVE_EXISTS)", () => {
    const error = planSpec.given([drafted, objective01]).when(planCommand("defineObjective", { code: "01", name: "Lain" })).thenFails("OBJECTIVE_EXISTS", ["data", "code"]);
    expect(error.message).toBe("objective 01 is already defined");
  });

  it("is refused with COMMAND_INVALID for a code that is not two or three digits", () => {
    planSpec.given([drafted]).when(planCommand("defineObjective", { code: "1", name: "Sasaran" })).thenFails("COMMAND_INVALID", ["data", "code"]);
  });
});

describe("renameObjective", () => {
  it("rewords an objective", () => {
    const data = { code: "01", name: "Terwujudnya Obat dan Makanan yang aman" };
    planSpec.given(seedDraft).when({ type: "renameObjective", data }).then([{ type: "ObjectiveRenamed", data }]);
  });

  it("is refused for an objective that does not exist (UNKNOWN_OBJECTIVE)", () => {
    const error = planSpec.given(seedDraft).when(planCommand("renameObjective", { code: "08", name: "X" })).thenFails("UNKNOWN_OBJECTIVE", ["data", "code"]);
    expect(error.message).toBe("unknown objective 08");
  });
});

describe("defineIndicator", () => {
  it("adds an indicator under its objective", () => {
    planSpec
      .given([drafted, { type: "ObjectiveDefined", data: kie }])
      .when(planCommand("defineIndicator", tingkatKie))
      .then([{ type: "IndicatorDefined", data: tingkatKie }]);
  });

  it("is refused under an objective that does not exist (UNKNOWN_OBJECTIVE)", () => {
    const error = planSpec.given([drafted]).when(planCommand("defineIndicator", tingkatKie)).thenFails("UNKNOWN_OBJECTIVE", ["data", "objective"]);
    expect(error.message).toBe("unknown objective 03");
  });

  it("is refused when objective and code are taken (INDICATOR_EXISTS)", () => {
    const error = planSpec.given([drafted, objective01, indicator0101]).when(planCommand("defineIndicator", indicator0101.data)).thenFails("INDICATOR_EXISTS", ["data", "code"]);
    expect(error.message).toBe("indicator 01.01 is already defined");
  });

  it("is refused with COMMAND_INVALID for a unit it does not know", () => {
    planSpec.given([drafted, objective01]).when(rawCommand({ type: "defineIndicator", data: { ...tingkatKie, objective: "01", unit: "rupiah" } })).thenFails("COMMAND_INVALID", ["data", "unit"]);
  });
});

describe("renameIndicator", () => {
  it("rewords an indicator", () => {
    const data = { indicator: "01.01", name: "Persentase Obat yang memenuhi syarat di wilayah kerja" };
    planSpec.given(seedDraft).when({ type: "renameIndicator", data }).then([{ type: "IndicatorRenamed", data }]);
  });

  it("is refused for an indicator that does not exist (UNKNOWN_INDICATOR)", () => {
    const error = planSpec.given(seedDraft).when(planCommand("renameIndicator", { indicator: "01.07", name: "X" })).thenFails("UNKNOWN_INDICATOR", ["data", "indicator"]);
    expect(error.message).toBe("unknown indicator 01.07");
  });
});
