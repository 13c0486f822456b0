import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INVARIANTS, checkInvariants } from "@rapk/core";
import { scenario } from "./arbitraries.js";
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
      "PLAN_SIGNED_REVISION_REQUIRED",
      "REVISION_KIND_MISMATCH",
      "POK_CHANGES_CEILING",
      "LINE_OVER_ALLOCATED",
      "CEILING_EXCEEDED",
      "CUMULATIVE_DECREASES",
      "LINE_OVERSPENT",
    ])
      expect(seen.get(code) ?? 0, code).toBeGreaterThanOrEqual(5);
  });

  it("break every invariant when they damage a state", () => {
    const broken = new Set<string>();
    for (const [s, damage] of fc.sample(fc.tuple(scenario, corruption), { numRuns: 1000, seed: 20240222 }))
      for (const violation of checkInvariants(corrupt(setUp(s).state, damage))) broken.add(violation.code);
    expect([...broken].sort()).toEqual(INVARIANTS.map((i) => i.code).sort());
  });
});
