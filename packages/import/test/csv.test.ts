import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, exportCsv, importCsv, importPlan, importTable } from "../src/index.js";
import { content, failed, ok } from "./support/result.js";
import { SMALL_PLAN, stateOf } from "./support/plans.js";
import { SEED, fixture } from "./support/seed.js";

const small = stateOf(SMALL_PLAN);
const csv = exportCsv(small);
const records = Papa.parse<string[]>(csv.trimEnd(), { delimiter: "," }).data;
const header = records.findIndex((r) => r[0] === CSV_COLUMNS[0]);

describe("exportCsv", () => {
  it("writes the #key rows, the header, and a row per contribution, indicator, objective and lone line", () => {
    expect(records.slice(0, header)).toEqual([
      ["#rapk_csv", "1"],
      ["#unit", "LOKA POM DI KABUPATEN CONTOH"],
      ["#agency", "BADAN PENGAWAS OBAT DAN MAKANAN"],
      ["#year", "2024"],
      ["#ceiling", "1000000"],
      ["#signed_place", "Contoh"],
      ["#signed_date", "2024-01-31"],
      ["#signatory_title", "Kepala"],
    ]);
    expect(records[header]).toEqual([...CSV_COLUMNS]);
    const rows = records.slice(header + 1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(rows.map((r) => [r.objective_code, r.indicator_code, r.ro_code, r.sub_komponen_code, r.contribution])).toEqual([
      ["01", "01", "DR.3165.QIA.005", "A", "300000"],
      ["01", "02", "", "", ""],
      ["02", "", "", "", ""],
      ["", "", "DR.3165.QIA.005", "B", ""],
    ]);
    expect(rows[0]?.B01).toBe("");
    expect(rows[0]?.B02).toBe("1");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const cells = records.flat();
    expect(cells).toContain("'=HYPERLINK(\"http://x\")");
    expect(cells).toContain("'+Sampel");
    expect(cells).toContain("'-Pengadaan");
    expect(cells).toContain("'@SAMPEL");
    expect(cells).toContain("''=quoted");
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });
});

describe("importCsv", () => {
  it("gives back the plan that was exported, formulas and quoting restored", () => {
    const back = ok(importCsv(csv));
    expect(content(back.state)).toEqual(content(small));
    expect(back.findings).toEqual([]);
    expect(back.state.indicators["01.01"]?.name).toBe("=HYPERLINK(\"http://x\")");
    expect(back.state.lines["DR.3165.QIA.005.053.B"]?.subComponent.name).toBe("'=quoted");
  });

  it("round-trips the real plan: table -> state -> CSV -> the same state", () => {
    const table = ok(importTable(SEED));
    const back = ok(importPlan(exportCsv(table.state)));
    expect(content(back.state)).toEqual(content(table.state));
    expect(back.findings).toEqual([]);
  });

  it("keeps an amount attributed to no indicator on its line's own row, and reads it back with the line", () => {
    // Given the seed, whose three unattributed rows are kept with their lines
    const table = ok(importTable(SEED));
    const stated = Object.values(table.state.lines).filter((l) => l.unattributed !== undefined);
    expect(stated).toHaveLength(3);
    // When it is written as the CSV template
    const rows = Papa.parse<string[]>(exportCsv(table.state).trimEnd(), { delimiter: "," }).data;
    const at = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const own = rows.filter((r) => r[at("indicator_code")] === "" && r[at("contribution")] !== "" && r[at("ro_code")] !== "");
    // Then each has a row of no indicator holding its amount, and that row reads back into the line
    expect(own.map((r) => [`${r[at("ro_code")]}.${r[at("komponen_code")]}.${r[at("sub_komponen_code")]}`, Number(r[at("contribution")])])).toEqual(
      stated.map((l) => [l.id, l.unattributed]),
    );
    const back = ok(importCsv(exportCsv(table.state))).state;
    for (const line of stated) expect(back.lines[line.id]).toEqual(line);
  });

  it("sums the rows of no indicator of a line, even one an indicator also draws on", () => {
    // Given the small plan's CSV with two rows of no indicator for the line 01.01 draws 300000 on
    const at = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const attributed = records.find((r) => r[at("contribution")] === "300000")!;
    const noIndicator = (amount: string) => attributed.map((c, i) => (i < at("ro_code") ? "" : i === at("contribution") ? amount : c));
    const filled = `${Papa.unparse([...records, noIndicator("100000"), noIndicator("50000")], { newline: "\n" })}\n`;
    // When it is imported
    const back = ok(importCsv(filled)).state;
    const id = `${attributed[at("ro_code")]}.${attributed[at("komponen_code")]}.${attributed[at("sub_komponen_code")]}`;
    // Then the line holds both amounts, summed, and the indicator keeps its own
    expect(back.lines[id]?.unattributed).toBe(150_000);
    expect(back.contributions["01.01"]?.[id]).toBe(300_000);
    // and the CSV written from it reads back the same
    expect(content(ok(importCsv(exportCsv(back))).state)).toEqual(content(back));
  });

  it("round-trips the synthetic second unit", () => {
    const table = ok(importTable(fixture("rapk-2025-loka-pom-contoh.txt")));
    expect(content(ok(importCsv(exportCsv(table.state))).state)).toEqual(content(table.state));
  });

  it("reads columns in any order and accepts comma-grouped amounts", () => {
    const text = [
      "#unit,Loka",
      "#agency,BPOM",
      "#year,2024",
      '#ceiling,"1,000"',
      [...CSV_COLUMNS].reverse().join(","),
      ["600", "1,000", "SAMPEL", "A", "K", "053", "RO", "DR.3165.QIA.005", "", "1", ...Array(11).fill(""), "constant", "higher", "percent", "Persentase", "01", "Objektif", "01", "1"]
        .map((c) => (c.includes(",") ? `"${c}"` : c))
        .join(","),
    ].join("\n");
    const state = ok(importCsv(text)).state;
    expect(state.contributions["01.01"]).toEqual({ "DR.3165.QIA.005.053.A": 600 });
    expect(state.lines["DR.3165.QIA.005.053.A"]?.pagu).toBe(1000);
    expect(state.indicators["01.01"]?.targets).toEqual([...Array(11).fill(null), 1]);
  });

  it("reports unknown keys and columns, and leaves them out", () => {
    const edited = records.flatMap((row, i) => {
      if (i === 0) return [row, ["#colour", "blue"]];
      return i < header ? [row] : [[...row, i === header ? "note" : "x"]];
    });
    const result = ok(importCsv(Papa.unparse(edited, { newline: "\n" })));
    expect(result.findings.map((f) => [f.code, f.line])).toEqual([
      ["UNKNOWN_KEY", 2],
      ["UNKNOWN_COLUMN", header + 2],
    ]);
    expect(content(result.state)).toEqual(content(small));
  });

  it("refuses a signature with a date that is not an ISO date", () => {
    expect(failed(importCsv(csv.replace("2024-01-31", "31/01/2024")))).toMatchObject({ code: "BAD_DATE", line: 7 });
  });

  it("refuses an incomplete signature and a plan without its ceiling", () => {
    expect(failed(importCsv(csv.replace("#signed_place,Contoh\n", ""))).code).toBe("SIGNATURE_INCOMPLETE");
    expect(failed(importCsv(csv.replace("#ceiling,1000000\n", ""))).code).toBe("PLAN_INCOMPLETE");
  });

  it("refuses an unquoted value that contains commas", () => {
    const error = failed(importCsv(csv.replace("#signatory_title,Kepala", "#signatory_name,Pupa, S.Farm., Apt\n#signatory_title,Kepala")));
    expect(error).toMatchObject({ code: "MALFORMED_ROW", line: 8 });
  });

  it("refuses a row naming an indicator and a line without a contribution", () => {
    const error = failed(importCsv(csv.replace(/,300000\n/, ",\n")));
    expect(error.code).toBe("MISSING_VALUE");
    expect(error.message).toContain("contribution");
  });

  it("refuses a contribution written twice for the same indicator and line", () => {
    const lines = csv.split("\n");
    const row = lines.findIndex((l) => l.endsWith(",300000"));
    lines.splice(row + 1, 0, lines[row] as string);
    expect(failed(importCsv(lines.join("\n")))).toMatchObject({ code: "DUPLICATE_CONTRIBUTION", line: row + 2 });
  });

  it("refuses an unknown unit, direction or shape", () => {
    expect(failed(importCsv(csv.replace(",percent,higher,", ",persen,higher,")))).toMatchObject({ code: "BAD_VALUE" });
    expect(failed(importCsv(csv.replace(",percent,higher,", ",percent,up,")))).toMatchObject({ code: "BAD_VALUE" });
  });

  it("reads the example of docs/csv-template.md", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../../docs/csv-template.md", import.meta.url)), "utf8");
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";
    const { state, findings } = ok(importCsv(example));
    expect(findings).toEqual([]);
    expect(state.signature?.name).toBe("Pupa Feshirawan Putra, S.Farm., Apt");
    expect(state.indicators["11.04"]?.targets[0]).toBeNull();
    expect(state.lines["DR.3165.BKB.001.052.A"]?.pagu).toBe(95_040_000);
    expect(state.contributions["01.01"]).toEqual({ "DR.3165.QIA.005.053.A": 70_412_160 });
  });

  it("given locale id, then it is written for Indonesian Excel (';' between cells, decimal commas) and reads back to the same plan", () => {
    const plan = ok(importTable(SEED)).state;
    const id = exportCsv(plan, { locale: "id" });
    expect(id.split("\n")[0]).toBe("#rapk_csv;1");
    const row = Papa.parse<string[]>(id.trimEnd(), { delimiter: ";" }).data.find((r) => r[1] === "04" && r[3] === "01")!;
    // 04.01's targets: 2.52, 7.33, ... written 2,52; 7,33; amounts as plain digits.
    expect(row.slice(8, 11)).toEqual(["2,52", "7,33", "11,66"]);
    expect(row[CSV_COLUMNS.indexOf("pagu")]).toBe("8540000");
    expect(content(ok(importCsv(id)).state)).toEqual(content(plan));
    expect(ok(importPlan(id)).state).toEqual(ok(importCsv(id)).state);
  });

  it("given locale id, then a target with a point is refused (it could be Indonesian Excel's thousand mark), naming the row and column", () => {
    const id = exportCsv(small, { locale: "id" });
    const lines = id.split("\n");
    const at = lines.findIndex((l) => l.startsWith("1;01;"));
    lines[at] = (lines[at] as string).replace(";stepped;;1;1;", ";stepped;;1.5;1;").replace(";constant;;1;1;", ";constant;;1.5;1;");
    const error = failed(importCsv(lines.join("\n")));
    expect(error).toMatchObject({ code: "BAD_TARGET", line: at + 1 });
    expect(error.message).toContain('B02 "1.5" has a point; in a CSV separated by ; (Indonesian Excel) the decimal mark is the comma');
  });

  it("accepts rows padded with empty cells, and says so when cells are separated by semicolons", () => {
    const padded = csv.replace(",300000\n", ",300000,,\n");
    expect(content(ok(importCsv(padded)).state)).toEqual(content(small));
    const semicolons = csv.replace(CSV_COLUMNS.join(","), CSV_COLUMNS.join(";"));
    expect(failed(importCsv(semicolons)).message).toContain("separates cells with ;");
  });
});
