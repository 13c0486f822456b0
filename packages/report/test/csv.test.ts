import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { spreadsheetText } from "@rapk/core";
import { toCsv } from "@rapk/report";

const runs = Number(process.env.RAPK_PROPERTY_RUNS ?? 100);
const cell = fc.oneof(fc.string(), fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), fc.constant(null));

describe("toCsv", () => {
  it("writes numbers with the locale's decimal mark and no grouping: `;` and `,` for Indonesian Excel", () => {
    expect(toCsv([["a", 1234567.5, null]], "id")).toBe("a;1234567,5;\r\n");
    expect(toCsv([["a", 1234567.5, null]], "en")).toBe("a,1234567.5,\r\n");
    expect(toCsv([["x;y", "say \"hi\""]], "id")).toBe('"x;y";"say ""hi"""\r\n');
  });

  it("never starts a text cell as a formula: = + - @ tab and CR get an apostrophe, numbers stay numbers", () => {
    expect(toCsv([["=cmd|' /C calc'!A0", "+1", "-x", "@SUM(A1)", "\tx", "\rx", "plain", -5]], "en")).toBe(`'=cmd|' /C calc'!A0,'+1,'-x,'@SUM(A1),'\tx,"'\rx",plain,-5\r\n`);
  });

  it("reads back, field for field, for any cells in either locale", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), fc.constantFrom("en" as const, "id" as const), (rows, locale) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
        const parsed = Papa.parse<string[]>(toCsv(table, locale), { delimiter: locale === "id" ? ";" : ",", newline: "\r\n", skipEmptyLines: false }).data.slice(0, table.length);
        const expected = table.map((r) => r.map((v) => (v === null ? "" : typeof v === "number" ? (locale === "id" ? String(v).replace(".", ",") : String(v)) : spreadsheetText(v))));
        expect(parsed).toEqual(expected);
      }),
      { numRuns: runs },
    );
  });
});
