import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, MAX_COMMANDS, exportCsv, importCsv, importPlan, importTable } from "../src/index.js";
import { failed, ok } from "./support/result.js";
import { SEED, editSeed, seedLines, withCell } from "./support/seed.js";

const seedCsv = exportCsv(ok(importTable(SEED)).state);
const csvLines = seedCsv.split("\n");
const csvLineOf = (pattern: RegExp) => csvLines.findIndex((l) => pattern.test(l)) + 1;
/** The seed's CSV with one cell of its line `lineNumber` (1-based; no cell of it spans lines) replaced. */
function csvWithCell(lineNumber: number, column: number, text: string): string {
  const records = Papa.parse<string[]>(seedCsv.trimEnd(), { delimiter: "," }).data;
  (records[lineNumber - 1] as string[])[column] = text;
  return Papa.unparse(records, { newline: "\n" });
}
// The first CSV row of indicator 03.01.
const kieRow = csvLineOf(/^3,03,.*,26300000$/);

describe("empty and non-text input", () => {
  it.each([
    ["an empty file", ""],
    ["only whitespace", "  \n\t\r\n  "],
    ["only a byte-order mark", "\uFEFF\n"],
  ])("refuses %s, in every format", (_, text) => {
    for (const result of [importPlan(text), importTable(text), importCsv(text), importPlan(text, { format: "csv" })])
      expect(failed(result).code).toBe("EMPTY_INPUT");
  });

  it("refuses something that is not a string at all", () => {
    expect(failed(importPlan(undefined as unknown as string)).code).toBe("NOT_TEXT");
    expect(failed(importPlan(42 as unknown as string)).code).toBe("NOT_TEXT");
  });

  it("refuses a PDF, naming it", () => {
    const error = failed(importPlan("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n"));
    expect(error).toMatchObject({ code: "BINARY_INPUT", line: 1 });
    expect(error.message).toContain("PDF");
  });

  it("refuses a file with NUL bytes, naming the first line that has one", () => {
    expect(failed(importPlan(editSeed({ 20: "\u0000\u0001\u0002" })))).toMatchObject({ code: "BINARY_INPUT", line: 20 });
  });

  it("refuses text that was not valid UTF-8, naming the line", () => {
    const bytes = new TextEncoder().encode(editSeed({ 30: "NO.\tSASARAN KEGIATAN\tX" }));
    const lineStart = new TextEncoder().encode(seedLines().slice(1, 30).join("\n")).length + 1;
    bytes[lineStart + 4] = 0xff;
    const text = new TextDecoder().decode(bytes);
    expect(failed(importPlan(text))).toMatchObject({ code: "INVALID_UTF8", line: 30 });
  });

  it("refuses an unknown format", () => {
    expect(failed(importPlan(SEED, { format: "xml" as "csv" })).code).toBe("BAD_FORMAT");
  });
});

describe("shifted or missing columns", () => {
  it("refuses an indicator row with a target cell missing, naming the line", () => {
    const cells = (seedLines()[11] as string).split("\t");
    cells.splice(5, 1);
    const error = failed(importTable(editSeed({ 11: cells.join("\t") })));
    expect(error).toMatchObject({ code: "SHIFTED_COLUMNS", line: 11 });
    expect(error.message).toContain("indicator 01");
  });

  it("refuses a budget row with an extra amount, naming the line", () => {
    expect(failed(importTable(editSeed({ 13: `${seedLines()[13]}\t5,000` })))).toMatchObject({ code: "SHIFTED_COLUMNS", line: 13 });
  });

  it("reads a page whose cells all moved right by two columns as if they had not", () => {
    const shifted: Record<number, string> = {};
    for (let line = 54; line <= 63; line++) shifted[line] = `\t\t${seedLines()[line]}`;
    expect(ok(importTable(editSeed(shifted))).state).toEqual(ok(importTable(SEED)).state);
  });

  it("refuses a CSV row with a cell missing, naming the line", () => {
    const lines = [...csvLines];
    lines[kieRow - 1] = (lines[kieRow - 1] as string).replace(/,26300000$/, "");
    expect(failed(importCsv(lines.join("\n")))).toMatchObject({ code: "SHIFTED_COLUMNS", line: kieRow });
  });

  it("refuses a CSV header without a column, naming it", () => {
    const error = failed(importCsv(seedCsv.replace(",pagu,", ",")));
    expect(error).toMatchObject({ code: "MISSING_COLUMN", line: csvLineOf(/^objective_number/) });
    expect(error.message).toContain("pagu");
  });

  it("refuses a CSV with an unterminated quote, naming the line it starts on", () => {
    const lines = [...csvLines];
    lines[kieRow - 1] = (lines[kieRow - 1] as string).replace(",Tingkat", ',"Tingkat');
    expect(failed(importCsv(lines.join("\n")))).toMatchObject({ code: "CSV_MALFORMED", line: kieRow });
  });
});

describe("amounts that are not whole Rupiah", () => {
  it.each(["1.234,5", "-5", "12e9", "Rp 5", "70,41,2160", "99999999999999999"])("refuses %s in the table, naming line and cell", (amount) => {
    const error = failed(importTable(editSeed({ 13: withCell(13, 9, amount) })));
    expect(error).toMatchObject({ code: "BAD_AMOUNT", line: 13 });
    expect(error.message).toContain("KONTRIBUSI of DR.3165.QIA.005.053.A (column 10)");
    expect(error.message).toContain(JSON.stringify(amount));
  });

  it("refuses a bad indicator ANGGARAN and a bad Total, naming the cell", () => {
    expect(failed(importTable(editSeed({ 11: withCell(11, 15, "70.412,160") })))).toMatchObject({ code: "BAD_AMOUNT", line: 11 });
    expect(failed(importTable(editSeed({ 11: withCell(11, 15, "70.412,160") }))).message).toContain("ANGGARAN of indicator 01.01 (column 16)");
    expect(failed(importTable(editSeed({ 143: withCell(143, 13, "4.801.300,000") })))).toMatchObject({ code: "BAD_AMOUNT", line: 143 });
  });

  it.each(["1.234,5", "-5", "12e9"])("refuses %s in the CSV, naming line and column", (amount) => {
    const error = failed(importCsv(csvWithCell(kieRow, CSV_COLUMNS.indexOf("contribution"), amount)));
    expect(error).toMatchObject({ code: "BAD_AMOUNT", line: kieRow });
    expect(error.message).toContain("contribution");
  });
});

describe("targets that are not numbers", () => {
  it("refuses target abc in the table, naming line, month and cell", () => {
    const error = failed(importTable(editSeed({ 11: withCell(11, 5, "abc") })));
    expect(error).toMatchObject({ code: "BAD_TARGET", line: 11 });
    expect(error.message).toContain("B03 of indicator 01.01 (column 6)");
  });

  it.each(["abc", "-1", "99,3"])("refuses target %s in the CSV, naming line and month", (target) => {
    const error = failed(importCsv(csvWithCell(kieRow, 10, target)));
    expect(error).toMatchObject({ code: "BAD_TARGET", line: kieRow });
    expect(error.message).toContain("B03");
  });
});

describe("duplicate codes", () => {
  it("refuses an indicator that appears twice in the table", () => {
    const error = failed(importTable(editSeed({ 16: `${seedLines()[16]}\n${seedLines()[14]}` })));
    expect(error).toMatchObject({ code: "DUPLICATE_INDICATOR", line: 17 });
    expect(error.message).toContain("lines 14 and 17");
  });

  it("refuses an objective that appears twice in the table", () => {
    expect(failed(importTable(editSeed({ 46: withCell(46, 1, seedLines()[11]?.split("\t")[1] as string) }))).code).toBe("DUPLICATE_OBJECTIVE");
  });

  it("refuses an indicator written differently on two CSV rows", () => {
    const second = csvLineOf(/^3,03,/) + 1;
    const error = failed(importCsv(csvWithCell(second, 4, "Tingkat lain")));
    expect(error).toMatchObject({ code: "DUPLICATE_INDICATOR", line: second });
    expect(error.message).toContain("indicator 03.01");
  });

  it("refuses a budget line written with two pagu in the CSV", () => {
    const shared = csvLineOf(/^10,11,.*,WA\.6384\.EBA\.994,/);
    expect(failed(importCsv(csvWithCell(shared, 26, "2323393001")))).toMatchObject({ code: "DUPLICATE_LINE", line: shared });
  });
});

describe("very large input", () => {
  it("fails a 50 MB file cleanly and at once", () => {
    const big = SEED.repeat(Math.ceil((50 * 1024 * 1024) / SEED.length));
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    for (const result of [importPlan(big), importTable(big), importCsv(big)]) expect(failed(result).code).toBe("INPUT_TOO_LARGE");
  });

  it("reads a 4 MB table through and stops cleanly where the plan is too large for one batch", () => {
    const rows = Array.from({ length: 17_000 }, (_, i) => withCell(13, 0, `${i + 2}.`).replace("QIA.005", `ZZZ.${String(i % 1000).padStart(3, "0")}`).replace("\tA - ", `\t${String.fromCharCode(65 + Math.floor(i / 1000))} - `));
    const text = editSeed({ 13: [seedLines()[13], ...rows].join("\n") });
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const error = failed(importTable(text));
    expect(error.code).toBe("PLAN_TOO_LARGE");
    expect(error.message).toContain(String(MAX_COMMANDS));
  });
});
