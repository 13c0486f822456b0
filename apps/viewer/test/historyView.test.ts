import { describe, expect, it } from "vitest";
import { createHistoryView } from "../src/model/historyView.js";
import type { PlanState } from "@rapk/core";
import fc from "fast-check";
import { foldHistory, newestFirst } from "../src/model/foldedHistory.js";
import { appendRevision } from "@rapk/history";
import { smallHistory } from "./fixtures/history.js";
import { smallPlanCommands } from "./fixtures/plan.js";

describe("createHistoryView", () => {
  const events = smallHistory();

  it("gives the state and projections of every version: what the fixture's revisions did, version by version", () => {
    const view = createHistoryView(foldHistory(events));
    expect(view.versions.map((v) => v.number)).toEqual([1, 2, 3, 4]);
    expect(view.last).toBe(4);
    const line = (v: number, id: string) => view.at(v).budget.lines.find((l) => l.id === id);
    const indicator = (v: number, id: string) => view.at(v).document.objectives.flatMap((o) => o.indicators).find((i) => i.id === id);
    // Version 2, the January report: two realisations and Rp3.772.080 spent on the sampling line.
    expect(view.at(1).state.realisations).toEqual({});
    expect(view.at(2).state.realisations["01.01"]?.[1]).toEqual({ value: 96.55, numerator: 28, denominator: 29 });
    expect(line(1, "DR.3165.QIA.005.053.A")?.spent).toBe(0);
    expect(line(2, "DR.3165.QIA.005.053.A")?.spent).toBe(3_772_080);
    // Version 3, the Revisi POK: both sub-components at their new pagu, all of it attributed to 03.01.
    expect([line(3, "DR.3165.BDC.001.051.A")?.pagu, line(3, "DR.3165.BDC.001.051.B")?.pagu]).toEqual([16_400_000, 83_300_000]);
    expect(indicator(3, "03.01")?.contributions.map((c) => [c.line.id, c.amount])).toEqual(
      expect.arrayContaining([
        ["DR.3165.BDC.001.051.A", 16_400_000],
        ["DR.3165.BDC.001.051.B", 83_300_000],
      ]),
    );
    // Version 4, the revised RAPK: 01.07's November target is 85, and was not before.
    expect(indicator(4, "01.07")?.targets[10]).toBe(85);
    expect(indicator(3, "01.07")?.targets[10]).not.toBe(85);
    for (const v of [1, 2, 3, 4]) expect(view.at(v).violations).toEqual([]);
  });

  it("computes a version's projections once: scrubbing back returns the same objects", () => {
    const view = createHistoryView(foldHistory(events));
    const first = view.at(2);
    const doc = first.document;
    view.at(3);
    view.at(4);
    expect(view.at(2)).toBe(first);
    expect(view.at(2).document).toBe(doc);
    expect(view.diff(2, 3)).toBe(view.diff(2, 3));
  });

  it("diffs two versions with history's diffStates", () => {
    const view = createHistoryView(foldHistory(events));
    const diff = view.diff(2, 3);
    expect(diff.summary.rupiahMoved).toBe(2_000_000);
    expect(diff.changes.map((c) => c.kind)).toEqual(["pagu-changed", "pagu-changed", "contribution-changed", "contribution-changed"]);
  });
});

describe("createHistoryView's two time axes", () => {
  // A plan signed on 22 February 2024 but written into this log in November 2026, and a report in
  // force from 12 March 2024 written an hour later: the two questions give different answers.
  const at = (recordedAt: string) => ({ now: () => recordedAt });
  const first = appendRevision([], { meta: { actor: "Tim", reason: "RAPK 2024", kind: "draft", effectiveAt: "2024-02-22T09:00:00+07:00" }, commands: smallPlanCommands() }, at("2026-11-30T11:00:00+07:00"));
  if (!first.ok) throw new Error(first.error.message);
  const second = appendRevision(
    first.events,
    { meta: { actor: "Tim", reason: "laporan 2", kind: "report", effectiveAt: "2024-03-12T10:00:00+07:00" }, commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 2, value: 96 } }] },
    at("2026-11-30T12:00:00+07:00"),
  );
  if (!second.ok) throw new Error(second.error.message);
  const view = createHistoryView(foldHistory([...first.events, ...second.events]));

  it("gives the version in force on a date, by when each took effect", () => {
    expect([view.inForceOn("2024-02-21"), view.inForceOn("2024-03-01"), view.inForceOn("2024-03-12"), view.inForceOn("2026-11-29")]).toEqual([0, 1, 2, 2]);
  });

  it("gives the version the log knew on a date, by when each was written", () => {
    expect([view.knownOn("2024-03-12"), view.knownOn("2026-11-29"), view.knownOn("2026-11-30"), view.knownOn("2026-11-30T11:30:00")]).toEqual([0, 0, 2, 1]);
  });
});

describe("a large log's plans arriving newest first", () => {
  const folded = foldHistory(smallHistory());
  const runs = Number(process.env.RAPK_PROPERTY_RUNS ?? 100);

  it("given a history, when split newest first, then the first part holds only the newest plan and the rest every other, together the whole", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (count) => {
        const states = Array.from({ length: count }, (_, n) => ({ n }) as unknown as PlanState);
        const { first, rest } = newestFirst({ ...folded, states });
        expect(first.states.map((state, n) => (state === undefined ? -1 : n))).toEqual(states.map((_, n) => (n === count - 1 ? n : -1)));
        expect(states.every((state, n) => (first.states[n] ?? rest[n]) === state && (first.states[n] === undefined) !== (rest[n] === undefined))).toBe(true);
        expect([first.versions, first.heads]).toEqual([folded.versions, folded.heads]);
      }),
      { numRuns: runs },
    );
  });

  it("given the newest plan only, when the rest is received, then every version is there with the same plans as a history folded at once", () => {
    const { first, rest } = newestFirst(folded);
    const view = createHistoryView(first);
    expect([view.complete, view.has(4), view.has(3), view.has(0)]).toEqual([false, true, false, false]);
    expect(view.at(4).state).toBe(folded.states[4]);
    expect(() => view.at(3)).toThrow("the plan at version 3 has not arrived yet");
    expect(() => view.at(5)).toThrow("there is no version 5");
    view.receive(rest);
    expect(view.complete).toBe(true);
    for (const v of [0, 1, 2, 3, 4]) expect(view.at(v).state).toBe(folded.states[v]);
    expect(view.diff(2, 3).summary.rupiahMoved).toBe(2_000_000);
  });
});
