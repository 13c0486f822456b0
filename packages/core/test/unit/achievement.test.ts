import { describe, expect, it } from "vitest";
import { achievement, achievementOf, stateAfter } from "@rapk/core";
import { seedDraft } from "../fixtures/seed.js";

describe("achievementOf (capaian)", () => {
  it("is realisation / target x 100 where higher is better", () => {
    expect(achievementOf(99.3, 99.3, "higher")).toBe(100);
    expect(achievementOf(50, 60, "higher")).toBe(120);
    expect(achievementOf(2.52, 1.26, "higher")).toBe(50);
  });

  it("is (2 x target - realisation) / target x 100 where lower is better", () => {
    expect(achievementOf(10, 8, "lower")).toBe(120);
    expect(achievementOf(10, 10, "lower")).toBe(100);
    expect(achievementOf(10, 15, "lower")).toBe(50);
    expect(achievementOf(10, 25, "lower")).toBe(-50);
  });

  it("is null where the target is 0 or blank, or nothing was reported", () => {
    expect(achievementOf(0, 5, "higher")).toBeNull();
    expect(achievementOf(null, 5, "higher")).toBeNull();
    expect(achievementOf(0, 5, "lower")).toBeNull();
    expect(achievementOf(50, null, "higher")).toBeNull();
    expect(achievementOf(50, undefined, "lower")).toBeNull();
  });

  it("counts a realisation of 0 against a target (it is not blank)", () => {
    expect(achievementOf(15, 0, "higher")).toBe(0);
  });
});

describe("achievement (the projection)", () => {
  const state = stateAfter([
    ...seedDraft,
    { type: "RealisationReported", data: { indicator: "04.01", month: 1, value: 2.52 } },
    { type: "RealisationReported", data: { indicator: "04.01", month: 2, value: 9.53 } },
    { type: "RealisationReported", data: { indicator: "01.01", month: 1, value: 99.3 } },
    { type: "TargetSet", data: { indicator: "01.01", month: 2, value: null } },
    { type: "RealisationReported", data: { indicator: "01.01", month: 2, value: 98 } },
  ]);
  const result = achievement(state);

  it("lists indicators by id, twelve months each", () => {
    expect(result.map((i) => i.indicator)).toEqual(["01.01", "04.01"]);
    expect(result.every((i) => i.months.length === 12)).toBe(true);
  });

  it("gives each reported month its achievement and band", () => {
    const lab = result[1]!;
    expect(lab.months[0]).toEqual({ month: 1, target: 2.52, realisation: 2.52, achievement: 100, band: expect.objectContaining({ id: "good" }) });
    expect(lab.months[1]!.achievement).toBeCloseTo((9.53 / 7.33) * 100, 10);
    expect(lab.months[1]!.band?.id).toBe("inconclusive");
  });

  it("leaves months without a report, or with a blank target, without achievement or band", () => {
    const lab = result[1]!;
    expect(lab.months[2]).toEqual({ month: 3, target: 11.66, realisation: null, achievement: null, band: null });
    const medicines = result[0]!;
    expect(medicines.months[1]).toEqual({ month: 2, target: null, realisation: 98, achievement: null, band: null });
  });

  it("points at the latest month with a report, or null", () => {
    expect(result[1]!.latest?.month).toBe(2);
    expect(achievement(stateAfter(seedDraft)).map((i) => i.latest)).toEqual([null, null]);
  });
});
