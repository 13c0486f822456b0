import type { PlanState } from "@rapk/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANGE_KINDS, type Change, diffStates, openHistory } from "../../src/index.js";
import { applyDiff } from "../support/applyDiff.js";
import { RUNS, stateArb, storyArb } from "../support/arbitraries.js";

/** What a diff compares: everything but the count of events and the objectives' places (a diff matches by id, not by position). */
const content = ({ eventCount: _, objectives, ...rest }: PlanState) => ({
  ...rest,
  objectives: Object.fromEntries(Object.entries(objectives).map(([code, { position: _place, ...objective }]) => [code, objective])),
});

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
  it("the diff of a state and a copy of it is empty, whether the copy shares nothing or only some records", () => {
    // diffStates(a, a) is empty by its first reference check; copies make it walk every record.
    const shallowCopies = (a: PlanState): PlanState[] => {
      const records = ["objectives", "indicators", "lines", "contributions", "realisations", "spending"] as const;
      return records.map((record) => ({ ...a, [record]: Object.fromEntries(Object.entries(a[record]).map(([k, v]) => [k, structuredClone(v)])) }));
    };
    fc.assert(
      fc.property(stateArb, (a) => {
        for (const copy of [structuredClone(a), { ...a, plan: a.plan && { ...a.plan } }, ...shallowCopies(a)]) {
          const diff = diffStates(a, copy);
          expect(diff.changes).toEqual([]);
          expect(diff.summary.rupiahMoved).toBe(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("finds one changed cell in a deep copy: the walk does look inside (a diff that always says nothing fails here)", () => {
    fc.assert(
      fc.property(stateArb, fc.nat(), (a, pick) => {
        const lines = Object.keys(a.lines);
        fc.pre(lines.length > 0);
        const line = lines[pick % lines.length] as string;
        const copy = structuredClone(a) as { lines: Record<string, { pagu: number }> } & PlanState;
        const from = (copy.lines[line] as { pagu: number }).pagu;
        (copy.lines[line] as { pagu: number }).pagu = from + 1;
        expect(diffStates(a, copy).changes).toEqual([{ kind: "pagu-changed", line, from, to: from + 1 }]);
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
