import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INVARIANTS, checkInvariants } from "@rapk/core";
import { DIRECTIONS, UNITS, scenario } from "./arbitraries.js";
import { corrupt, corruption } from "./corruption.js";
import { run, setUp } from "./scenario.js";

// The properties are only as strong as what the generators reach. These fix a seed and check
// that every refusal decide can give, and every broken rule, turns up in a thousand draws: a
// generator change that stopped producing one would otherwise weaken the properties silently.
const sample = fc.sample(scenario, { numRuns: 1000, seed: 20240222 });

describe("the generators", () => {
  it("reach every refusal decide gives, acceptances of single commands and of batches, and batch refusals", () => {
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const s of sample)
      for (const entry of run(s).entries) {
        count(entry.result.ok ? (entry.commands.length > 1 ? "accepted batch" : "accepted command") : entry.result.error.code);
        if (!entry.result.ok && entry.commands.length > 1) count("refused batch");
      }
    for (const code of [
      "accepted command",
      "accepted batch",
      "refused batch",
      "COMMAND_INVALID",
      "PLAN_ALREADY_DRAFTED",
      "OBJECTIVE_EXISTS",
      "UNKNOWN_OBJECTIVE",
      "INDICATOR_EXISTS",
      "UNKNOWN_INDICATOR",
      "LINE_EXISTS",
      "UNKNOWN_LINE",
      "NO_CHANGE",
      "RATIO_INCOMPLETE",
      "RATIO_MISMATCH",
      "PERCENT_OUT_OF_RANGE",
      "PLAN_SIGNED_REVISION_REQUIRED",
      "REVISION_KIND_MISMATCH",
      "POK_CHANGES_CEILING",
      "LINE_OVER_ALLOCATED",
      "CEILING_EXCEEDED",
      "CUMULATIVE_DECREASES",
      "LINE_OVERSPENT",
      "MEMBER_EXISTS",
      "UNKNOWN_MEMBER",
      "KEY_IN_USE",
      "ROSTER_WITHOUT_HEAD",
    ])
      expect(seen.get(code) ?? 0, code).toBeGreaterThanOrEqual(5);
  });

  it("break every invariant when they damage a state", () => {
    const broken = new Set<string>();
    for (const [s, damage] of fc.sample(fc.tuple(scenario, corruption), { numRuns: 1000, seed: 20240222 }))
      for (const violation of checkInvariants(corrupt(setUp(s).state, damage))) broken.add(violation.code);
    expect([...broken].sort()).toEqual(INVARIANTS.map((i) => i.code).sort());
  });

  it("reach the edges of a set-up plan: a line allocated to the Rupiah, the ceiling met exactly, blanks in every month, every unit and direction", () => {
    const reached = new Map<string, number>();
    const count = (key: string) => reached.set(key, (reached.get(key) ?? 0) + 1);
    for (const s of sample) {
      const { state } = setUp(s);
      const lines = Object.values(state.lines);
      const allocated = (line: string) => Object.values(state.contributions).reduce((sum, row) => sum + (row[line] ?? 0), 0);
      if (lines.some((l) => l.pagu > 0 && allocated(l.id) === l.pagu)) count("line allocated exactly to its pagu");
      if (state.plan && lines.length > 0 && lines.reduce((sum, l) => sum + l.pagu, 0) === state.plan.ceiling) count("ceiling met exactly");
      for (const indicator of Object.values(state.indicators)) {
        count(`unit ${indicator.unit}`);
        count(`direction ${indicator.direction}`);
        indicator.targets.forEach((t, i) => t === null && count(`blank in month ${i + 1}${indicator.shape === "cumulative" ? " (cumulative)" : ""}`));
      }
    }
    const expected = [
      "line allocated exactly to its pagu",
      "ceiling met exactly",
      ...UNITS.map((u) => `unit ${u}`),
      ...DIRECTIONS.map((d) => `direction ${d}`),
      ...Array.from({ length: 12 }, (_, i) => `blank in month ${i + 1}`),
      ...Array.from({ length: 12 }, (_, i) => `blank in month ${i + 1} (cumulative)`),
    ];
    for (const key of expected) expect(reached.get(key) ?? 0, key).toBeGreaterThanOrEqual(5);
  });

  it("reach a ratio at the 0.005 tolerance: accepted at it, refused just past it", () => {
    let atTolerance = 0;
    let pastTolerance = 0;
    for (const s of sample)
      for (const entry of run(s).entries)
        for (const command of entry.commands as unknown as { type?: string; data?: { value?: number; numerator?: number; denominator?: number } }[]) {
          const { value, numerator, denominator } = command?.data ?? {};
          if (command?.type !== "reportRealisation" || value === undefined || numerator === undefined || !denominator) continue;
          // A batch that is accepted accepted each of its commands.
          const off = Math.abs(value - (numerator / denominator) * 100);
          if (off > 0.0049 && off <= 0.005 + 1e-9 && entry.result.ok) atTolerance += 1;
          if (off > 0.005 + 1e-9 && off < 0.0052 && !entry.result.ok && entry.result.error.code === "RATIO_MISMATCH") pastTolerance += 1;
        }
    expect(atTolerance, "accepted at the tolerance").toBeGreaterThanOrEqual(5);
    expect(pastTolerance, "refused just past it").toBeGreaterThanOrEqual(5);
  });
});
