import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spreadsheetText, spreadsheetTextRead } from "@rapk/core";

const runs = Number(process.env.RAPK_PROPERTY_RUNS ?? 100);
const FORMULA_START = /^[=+\-@\t\r]/;

describe("spreadsheetText: the one rule for a text cell of CSV and XLSX", () => {
  it.each(["=SUM(A1)", "+1", "-1", "@x", "\tx", "\rx", "'=x", "''+x", "'\tx"])("neutralises %j with an apostrophe that reading removes", (cell) => {
    expect(spreadsheetText(cell)).toBe(`'${cell}`);
    expect(spreadsheetText(cell)).not.toMatch(FORMULA_START);
    expect(spreadsheetTextRead(spreadsheetText(cell))).toBe(cell);
  });

  it.each(["plain", "'plain", "", "01.05", " =x", "x=1"])("leaves %j as it is", (cell) => {
    expect(spreadsheetText(cell)).toBe(cell);
    expect(spreadsheetTextRead(cell)).toBe(cell);
  });

  it("round-trips any text and never gives a formula start", () => {
    const text = fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "a", " ") });
    fc.assert(
      fc.property(text, (cell) => {
        expect(spreadsheetText(cell)).not.toMatch(FORMULA_START);
        expect(spreadsheetTextRead(spreadsheetText(cell))).toBe(cell);
      }),
      { numRuns: runs },
    );
  });
});
