import { describe, expect, it } from "vitest";
import { INVARIANTS, type PlanState, checkInvariants, stateAfter } from "@rapk/core";
import { SAMPLING, seedDraft } from "../fixtures/seed.js";

const sound = stateAfter(seedDraft);
/** The seed state with some records replaced, as a hand-edited file might have it. */
const damaged = (patch: Partial<Record<keyof PlanState, unknown>>): PlanState => ({ ...sound, ...patch }) as PlanState;
const lab = sound.indicators["04.01"]!;

describe("INVARIANTS", () => {
  it("are the rules of docs/domain.md, in the order they are reported", () => {
    expect(INVARIANTS.map((i) => i.code)).toEqual([
      "AMOUNT_NOT_WHOLE_RUPIAH",
      "UNKNOWN_REFERENCE",
      "TARGETS_MALFORMED",
      "LINE_OVER_ALLOCATED",
      "CEILING_EXCEEDED",
      "CUMULATIVE_DECREASES",
      "LINE_OVERSPENT",
      "ROSTER_WITHOUT_HEAD",
    ]);
    expect(INVARIANTS.every((i) => i.description.length > 20)).toBe(true);
  });

  it("hold on the seed's plan", () => {
    expect(checkInvariants(sound)).toEqual([]);
  });
});

describe("checkInvariants on a damaged state", () => {
  it("names an amount that is not whole Rupiah, and where it is", () => {
    expect(checkInvariants(damaged({ spending: { [SAMPLING]: { 2: -5 } } }))).toEqual([
      { code: "AMOUNT_NOT_WHOLE_RUPIAH", message: `spending.${SAMPLING}.2 is -5, not a whole non-negative Rupiah amount`, path: ["spending", SAMPLING, 2] },
    ]);
    expect(checkInvariants(damaged({ plan: { ...sound.plan!, ceiling: 1.5 } })).map((v) => v.path)).toEqual([["plan", "ceiling"], ["plan", "ceiling"]]);
  });

  it("names references to what is not defined (UNKNOWN_REFERENCE)", () => {
    const violations = checkInvariants(
      damaged({
        objectives: { "01": sound.objectives["01"] },
        contributions: { ...sound.contributions, "05.01": { "DR.3165.AEA.001.054.K": 4_760_000 } },
        realisations: { "05.01": { 1: { value: 1 } } },
        spending: { "DR.3165.AEA.001.054.K": { 1: 1 } },
      }),
    );
    expect(violations.map((v) => [v.code, v.message])).toEqual([
      ["UNKNOWN_REFERENCE", "indicator 04.01 belongs to unknown objective 04"],
      ["UNKNOWN_REFERENCE", "contribution to unknown indicator 05.01"],
      ["UNKNOWN_REFERENCE", "contribution from unknown budget line DR.3165.AEA.001.054.K"],
      ["UNKNOWN_REFERENCE", "realisation of unknown indicator 05.01"],
      ["UNKNOWN_REFERENCE", "spending on unknown budget line DR.3165.AEA.001.054.K"],
    ]);
  });

  it.each([
    ["eleven months", Array(11).fill(1)],
    ["a negative target", [...Array(11).fill(1), -1]],
    ["an infinite target", [...Array(11).fill(1), Number.POSITIVE_INFINITY]],
  ])("finds %s (TARGETS_MALFORMED)", (_what, targets) => {
    const violations = checkInvariants(damaged({ indicators: { ...sound.indicators, "01.01": { ...sound.indicators["01.01"]!, targets } } }));
    expect(violations[0]).toEqual({ code: "TARGETS_MALFORMED", message: "indicator 01.01 does not have twelve valid monthly targets", path: ["indicators", "01.01", "targets"] });
  });

  it("finds every month where a cumulative indicator goes down, skipping blanks", () => {
    const targets = [2.52, null, 2.5, 13.58, 13.58, 10, ...lab.targets.slice(6)];
    expect(checkInvariants(damaged({ indicators: { ...sound.indicators, "04.01": { ...lab, targets } } }))).toEqual([
      { code: "CUMULATIVE_DECREASES", message: "cumulative indicator 04.01: target of month 3 (2.5) is below month 1 (2.52)", path: ["indicators", "04.01", "targets", 2] },
      { code: "CUMULATIVE_DECREASES", message: "cumulative indicator 04.01: target of month 6 (10) is below month 5 (13.58)", path: ["indicators", "04.01", "targets", 5] },
    ]);
  });

  it("reports every broken rule, not only the first", () => {
    const state = damaged({
      lines: { ...sound.lines, [SAMPLING]: { ...sound.lines[SAMPLING]!, pagu: 100_000_000 } },
      spending: { [SAMPLING]: { 1: 60_000_000, 2: 40_000_001 } },
      plan: { ...sound.plan!, ceiling: 100_000_000 },
    });
    expect(checkInvariants(state).map((v) => [v.code, v.message])).toEqual([
      ["LINE_OVER_ALLOCATED", `budget line ${SAMPLING}: contributions Rp100.588.800 exceed its pagu Rp100.000.000 by Rp588.800`],
      ["CEILING_EXCEEDED", "the budget lines add up to Rp178.842.000, over the plan's ceiling Rp100.000.000 by Rp78.842.000"],
      ["LINE_OVERSPENT", `budget line ${SAMPLING}: spending Rp100.000.001 exceeds its pagu Rp100.000.000 by Rp1`],
    ]);
  });

  it("checks only the invariants it is given", () => {
    const state = damaged({ plan: { ...sound.plan!, ceiling: 0 } });
    expect(checkInvariants(state).map((v) => v.code)).toEqual(["CEILING_EXCEEDED"]);
    expect(checkInvariants(state, INVARIANTS.filter((i) => i.code !== "CEILING_EXCEEDED"))).toEqual([]);
  });
});
