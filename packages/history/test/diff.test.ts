import { type PlanEventInput, type PlanState, initialState, stateAfter } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { CHANGE_KINDS, type Change, describeDiff, diffStates, openHistory } from "../src/index.js";
import { applyDiff } from "./support/applyDiff.js";
import { LINE_A, LINE_B, append, meta, seedLog, storyLog } from "./support/plan.js";

const history = openHistory(storyLog());
const seed = history.stateAt(1);
const withoutCount = ({ eventCount: _, ...rest }: PlanState) => rest;

describe("diffStates", () => {
  it("finds nothing between a state and itself, or an equal copy", () => {
    expect(diffStates(seed, seed)).toEqual({ changes: [], summary: { counts: {}, rupiahMoved: 0, paguIncrease: 0, paguDecrease: 0 } });
    expect(diffStates(seed, structuredClone(seed)).changes).toEqual([]);
  });

  it("matches by id, not by position: the same plan defined in another order differs in nothing", () => {
    const objective = (code: string): PlanEventInput => ({ type: "ObjectiveDefined", data: { code, name: `Sasaran ${code}` } });
    const indicator = (objective: string): PlanEventInput => ({ type: "IndicatorDefined", data: { objective, code: "01", name: "Indikator", unit: "percent", direction: "higher", shape: "constant" } });
    const line = (sub: string): PlanEventInput => ({
      type: "BudgetLineRegistered",
      data: { output: { code: "DR.3165.BDC.001", name: "KIE" }, component: { code: "051", name: "KIE" }, subComponent: { code: sub, name: sub }, pagu: 1_000 },
    });
    const give = (sub: string): PlanEventInput => ({ type: "ContributionAllocated", data: { indicator: "03.01", line: `DR.3165.BDC.001.051.${sub}`, amount: 10 } });
    const drafted: PlanEventInput = { type: "PlanDrafted", data: { unit: "Loka POM", agency: "BPOM", year: 2024, ceiling: 2_000 } };
    const printed = stateAfter([drafted, objective("03"), objective("11"), indicator("03"), indicator("11"), line("D"), line("A"), give("D"), give("A")]);
    const sorted = stateAfter([drafted, objective("11"), objective("03"), indicator("11"), indicator("03"), line("A"), line("D"), give("A"), give("D")]);
    expect(diffStates(printed, sorted).changes).toEqual([]);
    expect(diffStates(sorted, printed).summary.counts).toEqual({});
  });

  it("shows a Revisi POK cell by cell, with the Rupiah moved counted once", () => {
    const diff = diffStates(history.stateAt(2), history.stateAt(3));
    expect(diff.changes).toEqual([
      { kind: "pagu-changed", line: LINE_B, from: 78_842_000, to: 83_842_000 },
      { kind: "pagu-changed", line: LINE_A, from: 125_736_000, to: 120_736_000 },
      { kind: "contribution-changed", indicator: "04.01", line: LINE_B, from: 29_959_960, to: 34_959_960 },
    ]);
    expect(diff.summary).toEqual({ counts: { "pagu-changed": 2, "contribution-changed": 1 }, rupiahMoved: 5_000_000, paguIncrease: 5_000_000, paguDecrease: 5_000_000 });
    expect(describeDiff(diff)).toBe("pagu of 2 lines changed, 1 contribution changed, Rp5.000.000 moved");
  });

  it("counts new money of a Revisi DIPA as moved in, and says so", () => {
    const log = append(seedLog(), {
      meta: meta("dipa", "2024-06-10T10:00:00+07:00"),
      commands: [
        { type: "reviseCeiling", data: { ceiling: 4_811_300_000 } },
        { type: "reviseBudget", data: { line: LINE_A, pagu: 135_736_000 } },
      ],
    });
    const diff = diffStates(seed, stateAfter(log));
    expect(diff.changes.map((c) => c.kind)).toEqual(["ceiling-changed", "pagu-changed"]);
    expect(diff.summary).toMatchObject({ rupiahMoved: 10_000_000, paguIncrease: 10_000_000, paguDecrease: 0 });
    expect(describeDiff(diff)).toBe("ceiling Rp4.801.300.000 to Rp4.811.300.000, pagu of 1 line changed, Rp10.000.000 added to budget lines");
  });

  it("lists reports and target cells, telling a blank from a zero", () => {
    const diff = diffStates(history.stateAt(3), history.head);
    expect(diff.changes).toEqual([
      { kind: "target-changed", indicator: "04.01", month: 12, from: 91, to: 92 },
      { kind: "realisation-changed", indicator: "01.01", month: 5, from: null, to: { value: 95.83, numerator: 23, denominator: 24 } },
      { kind: "realisation-changed", indicator: "04.01", month: 5, from: null, to: { value: 0 } },
      { kind: "spending-changed", line: LINE_B, month: 5, from: null, to: 10_000_000 },
    ]);
  });

  it("diffs a plan against nothing: everything added, in document order", () => {
    const diff = diffStates(initialState(), seed);
    const kinds = diff.changes.map((c) => c.kind);
    expect(kinds[0]).toBe("plan-changed");
    expect(kinds.at(-1)).toBe("signature-changed");
    expect(diff.summary.counts).toEqual({ "plan-changed": 1, "objective-added": 2, "indicator-added": 2, "line-added": 2, "contribution-changed": 3, "signature-changed": 1 });
    expect(diff.summary.rupiahMoved).toBe(125_736_000 + 78_842_000);
    expect(applyDiff(initialState(), diff)).toEqual({ ...seed, eventCount: 0 });
    expect(withoutCount(applyDiff(seed, diffStates(seed, initialState())))).toEqual(withoutCount(initialState()));
  });

  it("compares two different plans field by field, and applies back", () => {
    const a = seed;
    const b: PlanState = {
      ...a,
      plan: { ...a.plan!, unit: "Loka POM di Kabupaten Kepulauan Mentawai", ceiling: 3_000_000_000 },
      objectives: { ...a.objectives, "01": { ...a.objectives["01"]!, number: 2 }, "05": { code: "05", name: "Sasaran baru", position: 2 } },
      indicators: { "01.01": { ...a.indicators["01.01"]!, unit: "level", shape: "stepped", targets: [null, ...a.indicators["01.01"]!.targets.slice(1)] } },
      lines: { ...a.lines, [LINE_A]: { ...a.lines[LINE_A]!, subComponent: { code: "A", name: "PENGADAAN SAMPEL OBAT" } } },
      contributions: { "01.01": a.contributions["01.01"]! },
      spending: { [LINE_A]: { 1: 0 } },
      signature: { ...a.signature!, name: "Dra. Contoh" },
    };
    const diff = diffStates(a, b);
    // The ids as the document prints them: the changes carry branded ids, equal as strings.
    expect(diff.changes).toEqual([
      { kind: "plan-changed", from: a.plan, to: b.plan },
      { kind: "ceiling-changed", from: 4_801_300_000, to: 3_000_000_000 },
      { kind: "objective-added", objective: "05", to: { code: "05", name: "Sasaran baru", position: 2 } },
      { kind: "objective-renumbered", objective: "01", from: 1, to: 2 },
      { kind: "indicator-removed", indicator: "04.01", from: a.indicators["04.01"]! },
      { kind: "indicator-redefined", indicator: "01.01", field: "unit", from: "percent", to: "level" },
      { kind: "indicator-redefined", indicator: "01.01", field: "shape", from: "constant", to: "stepped" },
      { kind: "target-changed", indicator: "01.01", month: 1, from: 99.3, to: null },
      { kind: "line-renamed", line: LINE_A, part: "subComponent", from: "PENGADAAN SAMPEL", to: "PENGADAAN SAMPEL OBAT" },
      { kind: "contribution-changed", indicator: "04.01", line: LINE_B, from: 29_959_960, to: 0 },
      { kind: "contribution-changed", indicator: "04.01", line: LINE_A, from: 30_176_640, to: 0 },
      { kind: "spending-changed", line: LINE_A, month: 1, from: null, to: 0 },
      { kind: "signature-changed", from: a.signature, to: b.signature },
    ]);
    expect(applyDiff(a, diff)).toEqual(b);
  });

  it("makes the report and spending changes when they are read, once, as many as the summary counts", () => {
    const head = history.head;
    const diff = diffStates(seed, head);
    const { counts } = diff.summary;
    expect((counts["realisation-changed"] ?? 0) + (counts["spending-changed"] ?? 0)).toBeGreaterThan(0);
    const changes = diff.changes;
    expect(diff.changes).toBe(changes);
    for (const kind of ["realisation-changed", "spending-changed"] as const) expect(changes.filter((c) => c.kind === kind).length).toBe(counts[kind] ?? 0);
    expect(JSON.parse(JSON.stringify(diff))).toEqual({ changes: JSON.parse(JSON.stringify(changes)), summary: diff.summary });
  });

  it("orders changes by kind, then id, then month", () => {
    const { changes } = diffStates(initialState(), history.head);
    const rank = (c: Change) => CHANGE_KINDS.indexOf(c.kind);
    for (let i = 1; i < changes.length; i++) expect(rank(changes[i - 1]!)).toBeLessThanOrEqual(rank(changes[i]!));
    const contributions = changes.filter((c) => c.kind === "contribution-changed").map((c) => `${c.indicator} ${c.line}`);
    expect(contributions).toEqual([...contributions].sort());
  });

  it("applies a diff without touching the state it starts from", () => {
    const before = JSON.stringify(seed);
    applyDiff(seed, diffStates(seed, history.head));
    expect(JSON.stringify(seed)).toBe(before);
  });
});

describe("describeDiff", () => {
  it("says when nothing changed", () => {
    expect(describeDiff(diffStates(seed, seed))).toBe("no change");
  });
});
