import { budgetSummary, planDocument } from "@rapk/core";
import { openHistory } from "@rapk/history";
import { describe, expect, it } from "vitest";
import { createHistoryView } from "../src/model/historyView.js";
import { smallHistory } from "./fixtures/history.js";

describe("createHistoryView", () => {
  const events = smallHistory();

  it("gives the state and projections of every version, as the history computes them", () => {
    const view = createHistoryView(events);
    const history = openHistory(events);
    expect(view.versions.map((v) => v.number)).toEqual([1, 2, 3, 4]);
    expect(view.last).toBe(4);
    for (const v of [1, 2, 3, 4]) {
      expect(view.at(v).state).toEqual(history.stateAt(v));
      expect(view.at(v).document).toEqual(planDocument(history.stateAt(v)));
      expect(view.at(v).budget).toEqual(budgetSummary(history.stateAt(v)));
    }
  });

  it("computes a version's projections once: scrubbing back returns the same objects", () => {
    const view = createHistoryView(events);
    const first = view.at(2);
    const doc = first.document;
    view.at(3);
    view.at(4);
    expect(view.at(2)).toBe(first);
    expect(view.at(2).document).toBe(doc);
    expect(view.diff(2, 3)).toBe(view.diff(2, 3));
  });

  it("diffs two versions with history's diffStates", () => {
    const view = createHistoryView(events);
    const diff = view.diff(2, 3);
    expect(diff.summary.rupiahMoved).toBe(2_000_000);
    expect(diff.changes.map((c) => c.kind)).toEqual(["pagu-changed", "pagu-changed", "contribution-changed", "contribution-changed"]);
  });
});
