import { stateAfter } from "@rapk/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { storyArb } from "../support/arbitraries.js";

// The history properties are only as good as the stories they are run on: these counts show the
// stories reach the edges the rules have, so that a property that holds holds there too.
describe("the story generator reaches", () => {
  const stories = fc.sample(storyArb, { numRuns: 300, seed: 20241130 });
  const heads = stories.map((story) => stateAfter(story.log));
  const share = (test: (index: number) => boolean) => stories.filter((_, i) => test(i)).length / stories.length;
  const allocated = (index: number, line: string) => Object.values(heads[index]!.contributions).reduce((sum, row) => sum + (row[line] ?? 0), 0);

  it("lines allocated exactly to their pagu, and pagu lowered exactly to what is allocated", () => {
    // In the draft itself (a contribution taking the rest of its line), not only after a revision.
    const drafts = stories.map((story) => stateAfter(story.batches[0]!));
    const exactInDraft = (i: number) =>
      Object.values(drafts[i]!.lines).some((line) => line.pagu > 0 && Object.values(drafts[i]!.contributions).reduce((sum, row) => sum + (row[line.id] ?? 0), 0) === line.pagu);
    expect(share(exactInDraft)).toBeGreaterThan(0.1);
    const loweredToAllocated = (i: number) =>
      stories[i]!.log.some((event) => event.type === "BudgetRevised" && event.data.pagu > 0 && event.data.pagu === allocated(i, event.data.line));
    expect(share(loweredToAllocated)).toBeGreaterThan(0.01);
  });

  it("every unit and both directions, and blank months anywhere in the year", () => {
    const indicators = heads.flatMap((head) => Object.values(head.indicators));
    expect(new Set(indicators.map((indicator) => indicator.unit))).toEqual(new Set(["percent", "level", "index", "score"]));
    expect(new Set(indicators.map((indicator) => indicator.direction))).toEqual(new Set(["higher", "lower"]));
    const blankMonths = new Set(indicators.flatMap((indicator) => indicator.targets.flatMap((value, month) => (value === null ? [month] : []))));
    expect(blankMonths.size).toBe(12);
    expect(indicators.some((indicator) => indicator.shape === "cumulative" && indicator.targets.includes(null))).toBe(true);
  });

  it("every kind of revision accepted, and refusals", () => {
    const kinds = new Set(stories.flatMap((story) => story.batches.map((batch) => batch[0]!.metadata.kind)));
    expect(kinds).toEqual(new Set(["draft", "rapk", "pok", "dipa", "report"]));
    expect(share((i) => stories[i]!.refused > 0)).toBeGreaterThan(0.1);
    expect(share((i) => stories[i]!.batches.length >= 4)).toBeGreaterThan(0.1);
  });
});
