import { describe, expect, it } from "vitest";
import { importTable } from "../src/index.js";
import { guard } from "../src/plan/guard.js";
import { notice } from "../src/plan/noticed.js";
import { pipeline, staged } from "../src/plan/staged.js";
import type { BudgetEntry, Entry, IndicatorEntry, ObjectiveEntry } from "../src/table/entries.js";
import { placeEntries } from "../src/table/placement.js";
import { failed, ok } from "./support/result.js";
import { SEED, editSeed, withCell } from "./support/seed.js";

const seed = ok(importTable(SEED));

// Entries as the first pass gives them, with only what the structure pass looks at.
const cells = { targets: [], budget: { col: 0, text: "" } };
const objective = (line: number, code: string, indicator?: string): ObjectiveEntry => ({
  kind: "objective",
  line,
  page: 0,
  number: Number(code),
  objective: { code, name: `objective ${code}` },
  ...(indicator ? { indicator: { code: indicator, name: `indicator ${indicator}`, ...cells } } : {}),
});
const indicator = (line: number, code: string): IndicatorEntry => ({ kind: "indicator", line, page: 0, indicator: { code, name: `indicator ${code}`, ...cells } });
const row = (line: number, number: number): BudgetEntry => ({
  kind: "budget",
  line,
  page: 0,
  number,
  output: { code: "DR.3165.QIA.005", name: "RO" },
  component: { code: "053", name: "komponen" },
  subComponent: { code: String.fromCharCode(64 + line), name: "sub" },
  pagu: 100,
  contribution: 10,
});
const placed = (entries: readonly Entry[], orphans: readonly number[] = []) =>
  placeEntries(entries, orphans).map((p) => (p.kind === "attributed" ? `${p.entry.line} ${p.kind} ${p.indicator}` : `${p.entry.line} ${p.kind}`));

describe("the structure pass's state machine (placeEntries)", () => {
  it("given an indicator, when its rows number 1., 2., 3., then each goes to it", () => {
    expect(placed([objective(1, "01", "01"), row(2, 1), row(3, 2), row(4, 3)])).toEqual(["1 objective", "2 attributed 01.01", "3 attributed 01.01", "4 attributed 01.01"]);
  });

  it("given an indicator, when a row's number jumps, then that row and the ones after it go to no indicator, up to the next indicator row", () => {
    expect(placed([objective(1, "01", "01"), row(2, 1), row(3, 4), row(4, 5), indicator(5, "02"), row(6, 1)])).toEqual([
      "1 objective",
      "2 attributed 01.01",
      "3 unattributed",
      "4 unattributed",
      "5 indicator",
      "6 attributed 01.02",
    ]);
  });

  it("given no objective row yet, when indicators and rows come, then the indicator's objective is unknown and its rows go nowhere", () => {
    expect(placed([indicator(1, "01"), row(2, 1)])).toEqual(["1 objectiveUnknown", "2 unattributed"]);
  });

  it("given a missing page (an orphan) under an objective, when an indicator code does not rise, then its objective is unknown until the next objective row", () => {
    const entries = [objective(1, "01", "02"), indicator(3, "01"), row(4, 1), indicator(5, "03"), objective(6, "02", "01")];
    expect(placed(entries, [2])).toEqual(["1 objective", "3 objectiveUnknown", "4 unattributed", "5 objectiveUnknown", "6 objective"]);
  });

  it("given no missing page, when an indicator code does not rise, then it still belongs to the objective above", () => {
    expect(placed([objective(1, "01", "02"), indicator(2, "01"), row(3, 1)])).toEqual(["1 objective", "2 indicator", "3 attributed 01.01"]);
  });

  it("given a missing page, when a new objective row comes, then the gap is forgotten", () => {
    expect(placed([objective(1, "01", "02"), objective(3, "02", "05"), indicator(4, "01")], [2])).toEqual(["1 objective", "3 objective", "4 indicator"]);
  });
});

describe("findings travel with each stage's answer", () => {
  it("a stage that stops the import reports what the stages before it noticed, and what it noticed on the lines above", () => {
    // Line 140 is indicator 11.04, whose January target is blank; its ANGGARAN (column 16) now cannot be read.
    const result = importTable(editSeed({ 140: withCell(140, 15, "1.234,5") }));
    expect(failed(result)).toMatchObject({ code: "BAD_AMOUNT", line: 140 });
    const beforeTheChecks = new Set(["ORPHAN_FRAGMENT", "CELL_JOINED", "UNATTRIBUTED_CONTRIBUTION", "INDICATOR_OBJECTIVE_UNKNOWN", "BLANK_TARGET"]);
    const expected = seed.findings.filter((f) => f.line <= 140 && beforeTheChecks.has(f.code));
    expect(expected.map((f) => f.code)).toContain("BLANK_TARGET");
    expect(result.findings).toEqual(expected);
  });

  it("a stage that fails unexpectedly becomes INTERNAL_ERROR with the findings of the stages before it", () => {
    const first = notice("SIGNATURE_MISSING", 3, {});
    const result = guard("a\nb\nc", () =>
      pipeline((take) => {
        take(staged(undefined, [first]));
        throw new TypeError("a bug");
      }),
    );
    expect(failed(result)).toEqual({ code: "INTERNAL_ERROR", message: "the importer failed unexpectedly: a bug" });
    expect(result.findings.map((f) => [f.code, f.line])).toEqual([["SIGNATURE_MISSING", 3]]);
  });

  it("a pipeline gives its stages' findings in the order the stages ran", () => {
    const answer = pipeline((take) => {
      const a = take(staged(1, [notice("SIGNATURE_MISSING", 9, {})]));
      const b = take(staged(a + 1, [notice("SIGNATORY_MISSING", 2, {})]));
      return a + b;
    });
    expect(answer.value).toBe(3);
    expect(answer.findings.map((f) => f.code)).toEqual(["SIGNATURE_MISSING", "SIGNATORY_MISSING"]);
  });
});
