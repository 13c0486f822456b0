import { initialState, stateAfter } from "@rapk/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openHistory } from "../../src/index.js";
import { RUNS, storyArb } from "../support/arbitraries.js";

describe("openHistory (properties)", () => {
  it("stateAt(n) is the replay of the first n batches, whatever the checkpoint interval", () => {
    fc.assert(
      fc.property(storyArb, fc.integer({ min: 1, max: 70 }), (story, interval) => {
        const history = openHistory(story.log, { checkpointInterval: interval });
        expect(history.versions.length).toBe(story.batches.length);
        expect(history.versions.map((v) => v.events)).toEqual(story.batches.map((b) => b.length));
        for (let n = 0; n <= story.batches.length; n++) expect(history.stateAt(n)).toEqual(stateAfter(story.batches.slice(0, n).flat(), initialState()));
        expect(history.head).toEqual(stateAfter(story.log));
      }),
      { numRuns: RUNS },
    );
  });

  it("a version's own time finds that version (or a later one at the same instant)", () => {
    fc.assert(
      fc.property(storyArb, (story) => {
        const history = openHistory(story.log);
        for (const version of history.versions) {
          const found = history.versionAt(version.effectiveAt);
          expect(found).toBeGreaterThanOrEqual(version.number);
          expect(history.versions[found - 1]?.effectiveAt).toBe(version.effectiveAt);
          expect(history.versionAt(version.effectiveAt.slice(0, 10))).toBeGreaterThanOrEqual(version.number);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
