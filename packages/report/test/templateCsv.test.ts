import type { PlanState } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { type Grid, SHEET, type TemplateOptions, filledRevision, readCsvGrid, readWorkbookGrid, templateCsv, templateOf, templateWorkbook } from "../src/index.js";
import { shipped } from "./fixtures.js";

const history = shipped("history");
const KINDS: TemplateOptions[] = [
  { kind: "report", month: 6, plan: "p".repeat(64), version: history.versions.length },
  { kind: "pok", plan: "p".repeat(64), version: history.versions.length },
  { kind: "rapk", plan: "p".repeat(64), version: history.versions.length },
];

/** A grid's sheet with the revision's `Oleh` filled in, so that only the rows decide whether anything changed. */
function withActor(grid: Grid): Grid {
  return { sheets: grid.sheets.map((s) => (s.name === SHEET.fields ? { ...s, rows: s.rows.map((r) => (r[0] === "Oleh (siapa)" ? [r[0], "Tim"] : r)) } : s)) };
}

describe("the CSV template read back", () => {
  it.each(KINDS.flatMap((options) => (["en", "id"] as const).map((locale) => [options.kind, locale, options] as const)))(
    "given the %s template written as CSV (%s) and left as it is, when read back, then every row is as the plan has it (no command), as the workbook's",
    async (_, locale, options) => {
      const template = templateOf(history.head, options);
      const fromCsv = filledRevision(template, withActor(readCsvGrid(templateCsv(template, locale), locale)));
      const fromXlsx = filledRevision(template, withActor(await readWorkbookGrid(await templateWorkbook(template))));
      expect(fromCsv).toEqual(fromXlsx);
      expect(fromCsv).toMatchObject({ ok: false, problems: [{ code: "NO_CHANGE" }] });
    },
  );

  it("given the same sheets, then the CSV's cells are the workbook's, figures as text with the locale's decimal mark", async () => {
    const template = templateOf(history.head, KINDS[0]!);
    const csv = readCsvGrid(templateCsv(template, "id"), "id");
    const xlsx = await readWorkbookGrid(await templateWorkbook(template));
    const indicators = (grid: Grid) => grid.sheets.find((s) => s.name === SHEET.indicators)!.rows;
    const asText = (v: unknown) => (typeof v === "number" ? String(v).replace(".", ",") : v);
    expect(indicators(csv)).toEqual(indicators(xlsx).map((row) => row.map(asText)));
    expect(csv.sheets.map((s) => s.name)).toEqual([SHEET.meta, SHEET.fields, SHEET.indicators, SHEET.lines]);
  });
});

// The bundled plan has no count: 01.01 made one, with whole targets.
const withCount: PlanState = { ...history.head, indicators: { ...history.head.indicators, "01.01": { ...history.head.indicators["01.01"]!, unit: "count", targets: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12] } } };

describe("a count's targets in the revised RAPK's template", () => {
  const template = templateOf(withCount, KINDS[2]!);
  const filled = (b03: string) => {
    const text = templateCsv(template, "id")
      .split("\r\n")
      .map((line) => (line.startsWith("01.01;") ? line.replace(/^(01\.01;[^;]*;count;0;1;)2;/, `$1${b03};`) : line))
      .join("\r\n");
    expect(text).toContain(`;count;0;1;${b03};`);
    return filledRevision(template, withActor(readCsvGrid(text, "id")));
  };

  it("given a whole number, then it is the new target", () => {
    expect(filled("3")).toMatchObject({ ok: true, revision: { commands: [{ type: "setTargets", data: { indicator: "01.01", values: [0, 1, 3, 3, 4, 5, 6, 7, 8, 9, 10, 12] } }] } });
  });

  it("given a fraction, then the cell is refused, naming it, in Indonesian and English", () => {
    const result = filled("2,5");
    expect(result.ok).toBe(false);
    const [problem] = result.ok ? [] : result.problems;
    expect(problem).toMatchObject({ code: "TEMPLATE_CELL_INVALID", sheet: SHEET.targets, cell: expect.stringMatching(/^F\d+$/) });
    expect(problem?.message.en).toBe("2.5 is not a whole number: the indicator counts (unit count), so its targets and realisations are whole numbers.");
    expect(problem?.message.id).toBe("2,5 bukan bilangan bulat: indikator ini menghitung (satuan count), target dan realisasinya bilangan bulat.");
  });
});

describe("a count's realisation in the monthly template", () => {
  const template = templateOf(withCount, KINDS[0]!);
  /** June's template with 01.01's REALISASI B06 typed as `text` (column G of the Indikator sheet). */
  const filled = (text: string) => {
    const csv = templateCsv(template, "id")
      .split("\r\n")
      .map((line) => (line.startsWith("01.01;") ? line.split(";").map((cell, i) => (i === 6 ? text : cell)).join(";") : line))
      .join("\r\n");
    return filledRevision(template, withActor(readCsvGrid(csv, "id")));
  };

  it.each([
    ["1.080", 1080],
    ["1,080", 1080],
    ["12", 12],
  ])("given %s typed, then it is the count %d (thousand marks in a whole number)", (text, value) => {
    expect(filled(text)).toMatchObject({ ok: true, revision: { commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 6, value } }] } });
  });

  it("given a fraction, then the cell is refused, where a percentage would take it", () => {
    expect(filled("2,5")).toMatchObject({ ok: false, problems: [{ code: "TEMPLATE_CELL_INVALID", sheet: SHEET.indicators, cell: expect.stringMatching(/^G\d+$/) }] });
  });
});
