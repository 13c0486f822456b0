import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffStates } from "@rapk/history";
import { diffRows } from "@rapk/report";
import { shipped } from "./fixtures.js";

const runs = Number(process.env.RAPK_PROPERTY_RUNS ?? 100);

describe("diffRows", () => {
  const history = shipped("history");

  it("gives one row per change, in the diff's order, with figures as numbers and the change as after - before", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: history.versions.length }), fc.integer({ min: 0, max: history.versions.length }), (a, b) => {
        const diff = diffStates(history.stateAt(a), history.stateAt(b));
        const rows = diffRows(diff);
        expect(rows.map((r) => r.kind)).toEqual(diff.changes.map((c) => c.kind));
        for (const row of rows) {
          if (row.format !== "text") for (const value of [row.before, row.after]) expect(value === null || typeof value === "number").toBe(true);
          expect(row.change).toBe(typeof row.before === "number" && typeof row.after === "number" ? row.after - row.before : null);
        }
      }),
      { numRuns: Math.min(runs, 40) },
    );
  });

  it("names a month's realisation `04.01 B06`, and a plan that appears from nothing by its unit and year", () => {
    const rows = diffRows(diffStates(history.stateAt(0), history.stateAt(1)));
    expect(rows[0]).toEqual({ kind: "plan-changed", subject: "plan", format: "text", before: null, after: "LOKA POM DI KABUPATEN REJANG LEBONG, 2024", change: null });
    const june = diffRows(diffStates(history.stateAt(8), history.stateAt(9))).find((r) => r.subject === "04.01 B06")!;
    expect(june).toMatchObject({ kind: "realisation-changed", format: "measure", before: null, after: history.stateAt(9).realisations["04.01"]![6]!.value });
  });
});
