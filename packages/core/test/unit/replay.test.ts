import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PlanEvent, replay } from "@rapk/core";
import { PROPERTY_TIMEOUT, lineParts, runs, scenario } from "../properties/arbitraries.js";
import { run } from "../properties/scenario.js";
import { expectSame } from "../properties/same.js";

const drafted = { type: "PlanDrafted", data: { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling: 4_801_300_000 } };
const line = { type: "BudgetLineRegistered", data: { ...lineParts("DR.3165.QIA.005.053.A"), pagu: 125_736_000 } };

describe("replay refuses an event its schema refuses", () => {
  it("given a BudgetLineRegistered without its pagu, then it is EVENT_INVALID at its index, naming the field, not a line with pagu undefined", () => {
    const { pagu: _pagu, ...withoutPagu } = line.data;
    const result = replay([drafted, { ...line, data: withoutPagu }] as unknown as PlanEvent[]);
    expect(result).toMatchObject({ ok: false, index: 1, error: { code: "EVENT_INVALID", message: expect.stringContaining("pagu") } });
  });

  it("given the events of a line with a pagu that is not whole Rupiah, a month 13, or no type at all, then each is EVENT_INVALID at its index", () => {
    const bad: unknown[] = [{ ...line, data: { ...line.data, pagu: 0.5 } }, { type: "SpendingReported", data: { line: "DR.3165.QIA.005.053.A", month: 13, amount: 1 } }, { data: {} }];
    for (const event of bad) expect(replay([drafted, line, event] as unknown as PlanEvent[])).toMatchObject({ ok: false, index: 2, error: { code: "EVENT_INVALID" } });
  });

  it("given checked: true (the events validated where they were read), then it folds them as they are", () => {
    const result = replay([drafted, line] as unknown as PlanEvent[], undefined, { checked: true });
    expect(result.ok && Object.values(result.value.lines)[0]?.pagu).toBe(125_736_000);
  });

  it("given any events a plan's decisions emit, then checking them changes nothing: the same state as folding them unchecked", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { events } = run(s);
        const checked = replay(events);
        const unchecked = replay(events, undefined, { checked: true });
        expect(checked.ok).toBe(true);
        if (checked.ok && unchecked.ok) expectSame(checked.value, unchecked.value);
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT);
});
