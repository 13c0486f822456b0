import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importTable } from "../src/index.js";
import { readDocumentTarget } from "../src/values/documentTarget.js";
import { numberStyleOf } from "../src/values/numberStyle.js";
import { ok } from "./support/result.js";
import { SEED, seedLines, withCell } from "./support/seed.js";

/** A cell written the other way: 70,412,160 -> 70.412.160 and 99.3 -> 99,3 (the marks swapped). */
const swapped = (cell: string) => (/^\d{1,3}(,\d{3})+$|^\d+\.\d+$/.test(cell) ? cell.replace(/[.,]/g, (mark) => (mark === "," ? "." : ",")) : cell);
/** The seed as a plan written with decimal commas and thousand dots (Indonesian style) would read. */
const DOT_STYLE = SEED.split("\n")
  .map((line) => line.split("\t").map(swapped).join("\t"))
  .join("\n");
const findingsOf = (text: string) => ok(importTable(text)).findings.map((f) => `${f.code} ${f.line}`);

describe("a plan in the seed's layout written with decimal commas and thousand dots", () => {
  it("given the seed rewritten in that style, when imported, then every figure is the seed's, with the seed's findings and no other", () => {
    expect(DOT_STYLE).toContain("\t99,3\t");
    expect(DOT_STYLE).toContain("\t70.412.160");
    const seed = ok(importTable(SEED));
    const dots = ok(importTable(DOT_STYLE));
    expect(dots.commands).toEqual(seed.commands);
    expect(findingsOf(DOT_STYLE)).toEqual(findingsOf(SEED));
  });

  it("given a count indicator (Jumlah ...) with targets 980, 1.080, 1.170, 1.250, then they are whole numbers and each ambiguous one has a finding", () => {
    const line = 11;
    const cells = seedLines()[line]!.split("\t");
    const targets = ["0", "0", "1", "2", "4", "6", "8", "10", "12", "980", "1.080", "1.170"];
    const row = [...cells.slice(0, 2), "01 - Jumlah laporan hasil pengawasan Obat dan Makanan", ...targets, cells[15]!].join("\t");
    const text = ["", ...DOT_STYLE.split("\n")].map((l, i) => (i === line ? row : l)).slice(1).join("\n");
    const result = ok(importTable(text));
    const defined = result.commands.find((c) => c.type === "defineIndicator" && (c.data as { code: string }).code === "01");
    expect(defined?.data).toMatchObject({ unit: "count" });
    const set = result.commands.find((c) => c.type === "setTargets" && (c.data as { indicator: string }).indicator === "01.01");
    expect((set?.data as { values: number[] }).values).toEqual([0, 0, 1, 2, 4, 6, 8, 10, 12, 980, 1080, 1170]);
    const read = result.findings.filter((f) => f.code === "TARGET_READ_AS");
    expect(read.map((f) => [f.line, f.subject])).toEqual([
      [line, "01.01"],
      [line, "01.01"],
    ]);
    expect(read[0]!.message.en).toBe('Line 11: The November target of indicator 01.01 is written "1.080" and read as 1080: the indicator counts (Jumlah), so its targets are whole numbers.');
  });

  it("given a percent target written 1.080 in a document that groups thousands with commas, then it reads 1.08, saying why", () => {
    const text = ["", ...SEED.split("\n")].map((l, i) => (i === 11 ? withCell(11, 5, "1.080") : l)).slice(1).join("\n");
    const result = ok(importTable(text));
    const read = result.findings.filter((f) => f.code === "TARGET_READ_AS");
    expect(read).toHaveLength(1);
    expect(read[0]!.message.en).toMatch(/The March target of indicator 01\.01 is written "1\.080" and read as 1\.08: the document groups thousands with the other mark \(its number "70,412,160" \(line 11\)\)/);
  });
});

describe("numberStyleOf: the document's thousands mark, from its own numbers", () => {
  it("given a number of two groups, or of one with decimals after the other mark (1.000.000,5; 4.215,5), then it tells the style as a grouped amount does", () => {
    // A whole generated plan whose only number of two groups was a target like this refused its 1.080-like targets.
    expect(numberStyleOf("x\t1.000.000,5\ty")).toEqual({ thousands: ".", example: "1.000.000,5", line: 1 });
    expect(numberStyleOf("x\t1,000,000.01")).toEqual({ thousands: ",", example: "1,000,000.01", line: 1 });
    expect(numberStyleOf("x\t1.000.000.5")).toBeUndefined();
    // One group with decimals after the other mark tells it too (a generated plan's 4,215.502 did, and its 16,860 was refused).
    expect(numberStyleOf("x\t4,215.502\t16,860")).toEqual({ thousands: ",", example: "4,215.502", line: 1 });
    expect(numberStyleOf("x\t4.215,5")).toEqual({ thousands: ".", example: "4.215,5", line: 1 });
    expect(numberStyleOf("x\t4.215\t99,3")).toBeUndefined();
  });
});

describe("readDocumentTarget: one reading where the marks tell, a reading with its reason where they do not", () => {
  const commas = numberStyleOf("x\t70,412,160")!;
  const dots = numberStyleOf("x\t70.412.160")!;
  it.each([
    ["99,3", 99.3],
    ["2.52", 2.52],
    ["1.234.567", 1_234_567],
    ["1,234,567", 1_234_567],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["99.3333", 99.3333],
    // No group of thousands has four digits: the mark after 1234 is a decimal one (a whole generated plan refused 1234,567 as "has a comma").
    ["1234,567", 1234.567],
    ["1234.567", 1234.567],
    ["100", 100],
  ])("reads %s as %d in either style, without a finding", (text, value) => {
    for (const style of [commas, dots, undefined]) expect(readDocumentTarget(text, style, false)).toEqual({ ok: true, value: { value } });
  });

  it("reads one group of three by the document's style or, for a count, as a whole number; refuses it where nothing tells", () => {
    expect(readDocumentTarget("1.080", dots, false)).toMatchObject({ ok: true, value: { value: 1080, reading: { by: "style", as: "thousands" } } });
    expect(readDocumentTarget("1.080", commas, false)).toMatchObject({ ok: true, value: { value: 1.08, reading: { by: "style", as: "decimal" } } });
    expect(readDocumentTarget("1,080", undefined, true)).toMatchObject({ ok: true, value: { value: 1080, reading: { by: "count" } } });
    expect(readDocumentTarget("1.080", undefined, false)).toMatchObject({ ok: false, why: expect.stringMatching(/could be 1080 or 1\.08/) });
    expect(readDocumentTarget("2,5", dots, true)).toMatchObject({ ok: false, why: expect.stringMatching(/whole number/) });
  });
});

describe("property: targets printed in either number style read back, or carry a finding, or are refused", () => {
  const numRuns = Number(process.env.RAPK_PROPERTY_RUNS) || 100;
  /** A figure as a document in `style` prints it: thousands grouped by threes, up to two decimals. */
  const printed = (value: number, style: "seed" | "id") => {
    const [whole, fraction] = value.toFixed(2).replace(/\.?0+$/, "").split(".") as [string, string | undefined];
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, style === "seed" ? "," : ".");
    return fraction === undefined ? grouped : `${grouped}${style === "seed" ? "." : ","}${fraction}`;
  };
  const figure = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100));

  it("never gives a different figure without a finding naming its line and month", () => {
    fc.assert(
      fc.property(fc.constantFrom("seed" as const, "id" as const), fc.boolean(), fc.array(figure, { minLength: 12, maxLength: 12 }), (style, counts, figures) => {
        const base = style === "seed" ? SEED : DOT_STYLE;
        const cells = base.split("\n")[10]!.split("\t");
        const name = counts ? "01 - Jumlah laporan hasil pengawasan" : cells[2]!;
        const row = [...cells.slice(0, 2), name, ...figures.map((f) => printed(f, style)), cells[15]!].join("\t");
        const text = base.split("\n").map((l, i) => (i === 10 ? row : l)).join("\n");
        const result = importTable(text);
        if (!result.ok) {
          expect(["BAD_TARGET"]).toContain(result.error.code);
          expect(result.error.line).toBe(11);
          return;
        }
        const values = (result.commands.find((c) => c.type === "setTargets" && (c.data as { indicator: string }).indicator === "01.01")!.data as { values: number[] }).values;
        const flagged = new Set(result.findings.filter((f) => f.code === "TARGET_READ_AS" && f.line === 11).map((f) => f.message.en.match(/The (\w+) target/)![1]));
        const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        for (const [i, value] of values.entries()) if (value !== figures[i]) expect(flagged, `${months[i]}: ${figures[i]} read as ${value}`).toContain(months[i]);
      }),
      { numRuns },
    );
  });
});
