import type { PlanState } from "@rapk/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANGE_KINDS, type Change, diffStates, openHistory } from "../../src/index.js";
import { applyDiff } from "../support/applyDiff.js";
import { RUNS, stateArb, storyArb } from "../support/arbitraries.js";

const content = ({ eventCount: _, ...rest }: PlanState) => rest;

/** Two states of one story (they share structure, as versions of one log do). */
const versionPairArb = fc.tuple(storyArb, fc.nat(), fc.nat()).map(([story, i, j]) => {
  const history = openHistory(story.log, { checkpointInterval: 4 });
  const n = history.versions.length + 1;
  return [history.stateAt(i % n), history.stateAt(j % n)] as const;
});

/** An order key: kind rank, then the ids (months padded so they sort as numbers). */
function orderKey(change: Change): string {
  const rank = String(CHANGE_KINDS.indexOf(change.kind)).padStart(2, "0");
  const c = change as Partial<Record<"objective" | "indicator" | "line" | "field" | "part", string>> & { month?: number };
  const field = c.field ? ["unit", "direction", "shape"].indexOf(c.field) : c.part ? ["output", "component", "subComponent"].indexOf(c.part) : 0;
  return [rank, c.objective ?? "", c.indicator ?? "", c.line ?? "", String(c.month ?? 0).padStart(2, "0"), field].join("\u0000");
}

describe("diffStates (properties)", () => {
  it("diff(a, a) is empty, and so is the diff of a deep copy", () => {
    fc.assert(
      fc.property(stateArb, (a) => {
        expect(diffStates(a, a).changes).toEqual([]);
        expect(diffStates(a, structuredClone(a)).changes).toEqual([]);
        expect(diffStates(a, a).summary.rupiahMoved).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  it("applyDiff(a, diff(a, b)) has the content of b, for two versions of one plan", () => {
    fc.assert(
      fc.property(versionPairArb, ([a, b]) => {
        expect(content(applyDiff(a, diffStates(a, b)))).toEqual(content(b));
      }),
      { numRuns: RUNS },
    );
  });

  it("applyDiff(a, diff(a, b)) has the content of b, for two different plans", () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        expect(content(applyDiff(a, diffStates(a, b)))).toEqual(content(b));
      }),
      { numRuns: RUNS },
    );
  });

  it("lists changes in a deterministic order (kind, then ids) and counts them in the summary", () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        const { changes, summary } = diffStates(a, b);
        const keys = changes.map(orderKey);
        expect(keys).toEqual([...keys].sort());
        expect(new Set(keys).size).toBe(keys.length);
        expect(Object.values(summary.counts).reduce((x, y) => x + y, 0)).toBe(changes.length);
        expect(summary.rupiahMoved).toBe(Math.max(summary.paguIncrease, summary.paguDecrease));
        // Every change has its inverse: the diff back has as many changes and moves as much money.
        const back = diffStates(b, a);
        expect(back.changes.length).toBe(changes.length);
        expect(back.summary.rupiahMoved).toBe(summary.rupiahMoved);
      }),
      { numRuns: RUNS },
    );
  });
});
