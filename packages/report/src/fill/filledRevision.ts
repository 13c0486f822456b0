import { type Message, monthCode } from "@rapk/core";
import type { RevisionInput } from "@rapk/history";
import { type Read, dateCell, instantCell, measureCell, rupiahCell, textCell } from "./cellValues.js";
import { type Grid, type GridSheet, type GridValue, cellAddress } from "./grid.js";
import type { SheetProblem } from "./problems.js";
import { SHEET, type Template, type TemplateCell, type TemplateSheet } from "./template.js";

/** Where a command came from: its sheet, and the cell of each field of its data. */
export interface CommandPlace {
  readonly sheet: string;
  readonly cells: Readonly<Record<string, string>>;
}

export type FilledRevision =
  | { readonly ok: true; readonly revision: RevisionInput; readonly places: readonly CommandPlace[] }
  | { readonly ok: false; readonly problems: readonly SheetProblem[] };

/** One row of a data sheet, its cells by the template's column keys. */
interface FilledRow {
  readonly index: number;
  readonly get: (key: string) => GridValue;
  readonly address: (key: string) => string;
}

interface Reading {
  readonly problems: SheetProblem[];
  readonly commands: { type: string; data: Record<string, unknown> }[];
  readonly places: CommandPlace[];
}

const msg = (id: string, en: string): Message => ({ id, en });
const round2 = (x: number) => Math.round(x * 100) / 100;
const headerOf = (value: GridValue) => (typeof value === "string" ? value.trim().toUpperCase() : "");

/** The rows of a sheet under its header, by the template's columns; a column missing is a problem. */
function rowsOf(sheet: TemplateSheet, grid: GridSheet | undefined, problems: SheetProblem[]): FilledRow[] | undefined {
  if (!grid) {
    problems.push({ code: "TEMPLATE_CELL_INVALID", sheet: sheet.name, message: msg("lembar ini tidak ada dalam buku kerja.", "the workbook has no such sheet.") });
    return undefined;
  }
  const header = (grid.rows[0] ?? []).map(headerOf);
  const columns = new Map<string, number>();
  for (const column of sheet.columns) {
    const at = header.indexOf(column.header.toUpperCase());
    if (at >= 0) columns.set(column.key, at);
    else if (column.input || column === sheet.columns[0])
      problems.push({ code: "TEMPLATE_CELL_INVALID", sheet: sheet.name, cell: String((grid.rowOffset ?? 0) + 1), message: msg(`kolom "${column.header}" tidak ada di baris judul.`, `the header row has no column "${column.header}".`) });
  }
  if (sheet.columns.some((c) => (c.input || c === sheet.columns[0]) && !columns.has(c.key))) return undefined;
  const rows: FilledRow[] = [];
  for (let index = 1; index < grid.rows.length; index++) {
    const cells = grid.rows[index] ?? [];
    if (cells.every((cell) => cell === null || (typeof cell === "string" && cell.trim() === ""))) continue;
    rows.push({
      index,
      get: (key) => {
        const at = columns.get(key);
        return at === undefined ? null : (cells[at] ?? null);
      },
      address: (key) => cellAddress(index + (grid.rowOffset ?? 0), columns.get(key) ?? 0),
    });
  }
  return rows;
}

/** A cell read with `read`, or a problem naming it. */
function cellOf<T>(reading: Reading, sheet: string, row: FilledRow, key: string, read: (value: GridValue) => Read<T>): T | undefined {
  const result = read(row.get(key));
  if (result.ok) return result.value;
  reading.problems.push({ code: "TEMPLATE_CELL_INVALID", sheet, cell: row.address(key), message: result.why });
  return undefined;
}

/** Each row by its key (the first column), with a row whose key is blank, unknown or written twice refused. */
function keyed(reading: Reading, sheet: TemplateSheet, rows: readonly FilledRow[], keyOf: (row: FilledRow) => string | null, known: (key: string) => boolean): Map<string, FilledRow> {
  const byKey = new Map<string, FilledRow>();
  const first = sheet.columns[0]!;
  for (const row of rows) {
    const key = keyOf(row);
    const place = { code: "TEMPLATE_CELL_INVALID" as const, sheet: sheet.name, cell: row.address(first.key) };
    if (key === null) reading.problems.push({ ...place, message: msg(`${first.header} kosong, padahal baris ini berisi.`, `${first.header} is blank on a row that holds something.`) });
    else if (!known(key)) reading.problems.push({ ...place, message: msg(`"${key}" tidak ada dalam rencana ini.`, `"${key}" is not in this plan.`) });
    else if (byKey.has(key)) reading.problems.push({ ...place, message: msg(`"${key}" tertulis dua kali (juga di baris ${byKey.get(key)!.index + 1}).`, `"${key}" is written twice (also on row ${byKey.get(key)!.index + 1}).`) });
    else byKey.set(key, row);
  }
  return byKey;
}

const optional = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined));
const same = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
const keyText = (row: FilledRow, key: string) => {
  const read = textCell(row.get(key));
  return read.ok ? read.value : null;
};

function push(reading: Reading, sheet: string, row: FilledRow, type: string, data: Record<string, unknown>, cells: Readonly<Record<string, string>>): void {
  reading.commands.push({ type, data });
  reading.places.push({ sheet, cells: { ...cells } });
}

/** The words of a report row: a note, hambatan, rencana tindak lanjut. */
function wordsOf(reading: Reading, sheet: string, row: FilledRow) {
  return { note: cellOf(reading, sheet, row, "note", textCell), obstacles: cellOf(reading, sheet, row, "obstacles", textCell), followUp: cellOf(reading, sheet, row, "followUp", textCell) };
}

const hasWords = (words: Record<string, unknown>) => Object.values(words).some((w) => w !== null && w !== undefined);

function readRealisations(reading: Reading, sheet: TemplateSheet, rows: readonly FilledRow[], month: number): void {
  const before = new Map(sheet.rows.map((r) => [r.id as string, r]));
  const valueHeader = `REALISASI ${monthCode(month)}`;
  for (const [id, row] of keyed(reading, sheet, rows, (r) => keyText(r, "id"), (key) => before.has(key))) {
    const was = before.get(id)!;
    let value = cellOf(reading, sheet.name, row, "value", was.unit === "count" ? countCell : measureCell);
    const numerator = cellOf(reading, sheet.name, row, "numerator", measureCell);
    const denominator = cellOf(reading, sheet.name, row, "denominator", measureCell);
    const words = wordsOf(reading, sheet.name, row);
    if (value === undefined || numerator === undefined || denominator === undefined || Object.values(words).includes(undefined)) continue;
    const cell = (key: string) => ({ code: "TEMPLATE_CELL_INVALID" as const, sheet: sheet.name, cell: row.address(key) });
    if ((numerator === null) !== (denominator === null)) {
      reading.problems.push({ ...cell(numerator === null ? "numerator" : "denominator"), message: msg("pembilang dan penyebut diisi bersama-sama: isi keduanya atau kosongkan keduanya.", "the numerator and the denominator go together: fill both or neither.") });
      continue;
    }
    // The officer gives what was counted; the percentage is worked out as a published report rounds it.
    if (value === null && numerator !== null && denominator !== null) {
      if (denominator === 0) {
        reading.problems.push({ ...cell("denominator"), message: msg("penyebut 0: tidak dapat dibagi.", "the denominator is 0: nothing can be divided by it.") });
        continue;
      }
      value = round2((numerator / denominator) * 100);
    }
    if (value === null) {
      if (was.value !== null)
        reading.problems.push({ ...cell("value"), message: msg(`${valueHeader} dikosongkan, padahal sudah dilaporkan ${was.value}; laporan tidak dapat ditarik: tulis kembali nilainya.`, `${valueHeader} was emptied, but ${was.value} is reported already; a report cannot be withdrawn: write its value back.`) });
      else if (hasWords(words)) reading.problems.push({ ...cell("value"), message: msg(`${valueHeader} kosong: isi nilainya, atau pembilang dan penyebutnya.`, `${valueHeader} is blank: write the value, or the numerator and the denominator.`) });
      continue;
    }
    const data = optional({ indicator: id, month, value, numerator, denominator, ...words });
    const previous = optional({ indicator: id, month, value: was.value, numerator: was.numerator, denominator: was.denominator, note: was.note, obstacles: was.obstacles, followUp: was.followUp });
    if (same(data, previous)) continue;
    const cells = Object.fromEntries(["value", "numerator", "denominator", "note", "obstacles", "followUp"].map((key) => [key, row.address(key)]));
    push(reading, sheet.name, row, "reportRealisation", data, { indicator: row.address("id"), ...cells });
  }
}

function readSpending(reading: Reading, sheet: TemplateSheet, rows: readonly FilledRow[], month: number): void {
  const before = new Map(sheet.rows.map((r) => [r.id as string, r]));
  const amountHeader = `REALISASI ${monthCode(month)}`;
  for (const [id, row] of keyed(reading, sheet, rows, (r) => keyText(r, "id"), (key) => before.has(key))) {
    const was = before.get(id)!;
    const amount = cellOf(reading, sheet.name, row, "amount", rupiahCell);
    const words = wordsOf(reading, sheet.name, row);
    if (amount === undefined || Object.values(words).includes(undefined)) continue;
    const cell = { code: "TEMPLATE_CELL_INVALID" as const, sheet: sheet.name, cell: row.address("amount") };
    if (amount === null) {
      if (was.amount !== null)
        reading.problems.push({ ...cell, message: msg(`${amountHeader} dikosongkan, padahal sudah dilaporkan ${was.amount}; laporan tidak dapat ditarik: tulis kembali jumlahnya (0 bila tidak ada belanja).`, `${amountHeader} was emptied, but ${was.amount} is reported already; a report cannot be withdrawn: write its amount back (0 for no spending).`) });
      else if (hasWords(words)) reading.problems.push({ ...cell, message: msg(`${amountHeader} kosong: isi jumlah belanja bulan ini (0 bila tidak ada), lalu catatannya.`, `${amountHeader} is blank: write this month's spending (0 for none) beside the notes.`) });
      continue;
    }
    const data = optional({ line: id, month, amount, ...words });
    if (same(data, optional({ line: id, month, amount: was.amount, note: was.note, obstacles: was.obstacles, followUp: was.followUp }))) continue;
    push(reading, sheet.name, row, "reportSpending", data, { line: row.address("id"), amount: row.address("amount"), note: row.address("note"), obstacles: row.address("obstacles"), followUp: row.address("followUp") });
  }
}

function readPagu(reading: Reading, sheet: TemplateSheet, rows: readonly FilledRow[]): void {
  const before = new Map(sheet.rows.map((r) => [r.id as string, r]));
  for (const [id, row] of keyed(reading, sheet, rows, (r) => keyText(r, "id"), (key) => before.has(key))) {
    const pagu = cellOf(reading, sheet.name, row, "after", rupiahCell);
    if (pagu === undefined) continue;
    if (pagu === null) {
      reading.problems.push({ code: "TEMPLATE_CELL_INVALID", sheet: sheet.name, cell: row.address("after"), message: msg("PAGU SESUDAH kosong: tulis pagunya (pagu sebelum bila tidak berubah).", "PAGU SESUDAH is blank: write the pagu (the one before, when it does not change).") });
      continue;
    }
    if (pagu !== before.get(id)!.before) push(reading, sheet.name, row, "reviseBudget", { line: id, pagu }, { line: row.address("id"), pagu: row.address("after") });
  }
}

function readContributions(reading: Reading, sheet: TemplateSheet, rows: readonly FilledRow[], known: { indicators: ReadonlySet<string>; lines: ReadonlySet<string> }): void {
  const before = new Map(sheet.rows.map((r) => [`${r.indicator} ${r.line}`, r]));
  const keyOf = (row: FilledRow) => {
    const [indicator, line] = [keyText(row, "indicator"), keyText(row, "line")];
    return indicator === null || line === null ? null : `${indicator} ${line}`;
  };
  const isKnown = (key: string) => {
    const [indicator, line] = key.split(" ") as [string, string];
    return known.indicators.has(indicator) && known.lines.has(line);
  };
  for (const [key, row] of keyed(reading, sheet, rows, keyOf, isKnown)) {
    const amount = cellOf(reading, sheet.name, row, "after", rupiahCell);
    if (amount === undefined) continue;
    const was = (before.get(key)?.before as number | undefined) ?? 0;
    if (amount === null) {
      reading.problems.push({ code: "TEMPLATE_CELL_INVALID", sheet: sheet.name, cell: row.address("after"), message: msg("KONTRIBUSI SESUDAH kosong: tulis jumlahnya (0 untuk menariknya).", "KONTRIBUSI SESUDAH is blank: write the amount (0 withdraws it).") });
      continue;
    }
    const [indicator, line] = key.split(" ") as [string, string];
    if (amount !== was) push(reading, sheet.name, row, "allocateContribution", { indicator, line, amount }, { indicator: row.address("indicator"), line: row.address("line"), amount: row.address("after") });
  }
}

/**
 * A count's figure (a target, a realisation): a whole number. Text with thousand marks (`1.080`,
 * `1,080`) is read as the whole number it groups, as the importers read a count's targets.
 */
function countCell(value: GridValue): Read<number | null> {
  const grouped = typeof value === "string" ? /^\s*(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*)\s*$/.exec(value) : null;
  if (grouped) return { ok: true, value: Number((grouped[1] as string).replace(/[.,]/g, "")) };
  const read = measureCell(value);
  if (!read.ok || read.value === null || Number.isInteger(read.value)) return read;
  return { ok: false, why: msg(`${String(read.value).replace(".", ",")} bukan bilangan bulat: indikator ini menghitung (satuan count), target dan realisasinya bilangan bulat.`, `${read.value} is not a whole number: the indicator counts (unit count), so its targets and realisations are whole numbers.`) };
}

function readTargets(reading: Reading, sheet: TemplateSheet, rows: readonly FilledRow[]): void {
  const before = new Map(sheet.rows.map((r) => [r.id as string, r]));
  const months = Array.from({ length: 12 }, (_, i) => monthCode(i + 1));
  for (const [id, row] of keyed(reading, sheet, rows, (r) => keyText(r, "id"), (key) => before.has(key))) {
    const was = before.get(id)!;
    // A count's targets are whole numbers, as the importers read them (docs/domain.md).
    const read = was.unit === "count" ? countCell : measureCell;
    const values = months.map((m) => cellOf(reading, sheet.name, row, m, read));
    if (values.includes(undefined)) continue;
    if (months.every((m, i) => values[i] === was[m])) continue;
    // The row as a whole: a cumulative target raised in one month and the next is one change, not two half-ways.
    push(reading, sheet.name, row, "setTargets", { indicator: id, values }, { indicator: row.address("id"), ...Object.fromEntries(months.map((m, i) => [`values.${i}`, row.address(m)])) });
  }
}

/** The revision's own fields (who, why, when; the signature of a revised RAPK) by their labels. */
function readFields(reading: Reading, template: Template, grid: Grid, offset: string): { values: Record<string, string | null>; cells: Record<string, string> } | undefined {
  const sheet = grid.sheets.find((s) => s.name === SHEET.fields);
  if (!sheet) {
    reading.problems.push({ code: "TEMPLATE_CELL_INVALID", sheet: SHEET.fields, message: msg("lembar ini tidak ada dalam buku kerja.", "the workbook has no such sheet.") });
    return undefined;
  }
  const values: Record<string, string | null> = {};
  const cells: Record<string, string> = {};
  for (const field of template.fields) {
    const index = sheet.rows.findIndex((row) => typeof row[0] === "string" && row[0].trim() === field.label);
    if (index < 0) {
      reading.problems.push({ code: "TEMPLATE_CELL_INVALID", sheet: SHEET.fields, message: msg(`baris "${field.label}" tidak ada di kolom A.`, `column A has no row "${field.label}".`) });
      continue;
    }
    cells[field.key] = cellAddress(index + (sheet.rowOffset ?? 0), 1);
    const cell = sheet.rows[index]![1] ?? null;
    const read = field.key === "effectiveAt" ? instantCell(cell, offset) : field.key === "date" ? dateCell(cell) : textCell(cell);
    if (!read.ok) reading.problems.push({ code: "TEMPLATE_CELL_INVALID", sheet: SHEET.fields, cell: cells[field.key], message: read.why });
    else values[field.key] = read.value;
  }
  for (const required of ["actor", "reason"])
    if (values[required] === null)
      reading.problems.push({ code: "TEMPLATE_CELL_INVALID", sheet: SHEET.fields, cell: cells[required], message: msg(`"${template.fields.find((f) => f.key === required)!.label}" wajib diisi.`, `"${template.fields.find((f) => f.key === required)!.label}" must be filled in.`) });
  return { values, cells };
}

export interface FilledOptions {
  /** The offset a date-time cell is read in (Excel keeps no zone): the unit's, `+07:00` (WIB) by default. */
  readonly offset?: string;
}

/**
 * The revision a filled template asks for: the same commands a revision file would hold, in the
 * template's order (indicators, then lines). `template` is the template as made for the plan at
 * the workbook's version (make it again with {@link templateOf}: the same version gives the same
 * template), so a row left as it was gives no command. Every problem names its sheet and cell;
 * nothing is returned to apply while there is one.
 */
export function filledRevision(template: Template, grid: Grid, options: FilledOptions = {}): FilledRevision {
  const reading: Reading = { problems: [], commands: [], places: [] };
  const fields = readFields(reading, template, grid, options.offset ?? "+07:00");
  const sheetRows = (name: string) => {
    const sheet = template.sheets.find((s) => s.name === name)!;
    return { sheet, rows: rowsOf(sheet, grid.sheets.find((s) => s.name === name), reading.problems) };
  };
  const { kind, month } = template.meta;
  if (kind === "report") {
    const indicators = sheetRows(SHEET.indicators);
    if (indicators.rows) readRealisations(reading, indicators.sheet, indicators.rows, month!);
    const lines = sheetRows(SHEET.lines);
    if (lines.rows) readSpending(reading, lines.sheet, lines.rows, month!);
  } else if (kind === "pok") {
    const pagu = sheetRows(SHEET.pagu);
    if (pagu.rows) readPagu(reading, pagu.sheet, pagu.rows);
    const contributions = sheetRows(SHEET.contributions);
    if (contributions.rows) readContributions(reading, contributions.sheet, contributions.rows, { indicators: new Set(template.ids.indicators), lines: new Set(template.ids.lines) });
  } else {
    const targets = sheetRows(SHEET.targets);
    if (targets.rows) readTargets(reading, targets.sheet, targets.rows);
  }
  if (fields && kind === "rapk") {
    const signature = ["place", "date", "name", "title"];
    const before = (key: string): TemplateCell => template.fields.find((f) => f.key === key)?.value ?? null;
    if (signature.some((key) => (fields.values[key] ?? null) !== before(key))) {
      reading.commands.push({ type: "signPlan", data: { place: fields.values.place ?? "", date: fields.values.date ?? "", name: fields.values.name ?? null, title: fields.values.title ?? "" } });
      reading.places.push({ sheet: SHEET.fields, cells: Object.fromEntries(signature.map((key) => [key, fields.cells[key] ?? "B1"])) });
    }
  }
  if (reading.problems.length > 0 || !fields) return { ok: false, problems: reading.problems };
  if (reading.commands.length === 0)
    return {
      ok: false,
      problems: [{ code: "NO_CHANGE", message: msg(`setiap baris sama dengan rencana versi ${template.meta.version}: tidak ada yang diterapkan.`, `every row is as version ${template.meta.version} of the plan has it: there is nothing to apply.`) }],
    };
  const { actor, reason, reference, effectiveAt } = fields.values;
  const meta = { actor: actor!, reason: reason!, kind, ...(reference ? { reference } : {}), ...(effectiveAt ? { at: effectiveAt } : {}) };
  return { ok: true, revision: { meta, commands: reading.commands }, places: reading.places };
}
