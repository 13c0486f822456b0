import { type BudgetLine, Direction, type Indicator, IndicatorUnit, type Objective, TargetShape, indicatorId, lineId, monthCode } from "@rapk/core";
import { failAt } from "../failure.js";
import { readAmount } from "../values/amount.js";
import { readTarget } from "../values/target.js";
import { spreadsheetTextRead as restore } from "@rapk/core";
import type { CsvLocale } from "./columns.js";
import type { CsvRow } from "./parseCsv.js";

// The CSV describes the same things the plan's state holds, before they have ids.
export type CsvObjective = Omit<Objective, "position">;
export type CsvIndicator = Omit<Indicator, "id">;
export type CsvLine = Omit<BudgetLine, "id">;

/** What one data row says: an objective, an indicator, a budget line and a contribution, each optional. */
export interface CsvRecord {
  readonly line: number;
  readonly objective?: CsvObjective;
  readonly indicator?: CsvIndicator & { readonly id: string };
  readonly budgetLine?: CsvLine & { readonly id: string };
  readonly contribution?: number;
}

const UNITS: readonly IndicatorUnit[] = IndicatorUnit.options;

/**
 * A target as a CSV of `locale` writes it: with a decimal point (`en`), or a decimal comma (`id`,
 * where a point could be Indonesian Excel's thousand mark, so it is refused rather than guessed).
 */
function readCsvTarget(text: string, locale: CsvLocale): ReturnType<typeof readTarget> {
  if (locale === "en") return readTarget(text);
  if (text.includes(".")) return { ok: false, why: "has a point; in a CSV separated by ; (Indonesian Excel) the decimal mark is the comma, like 99,3" };
  return readTarget(text.replace(",", "."));
}
const DIRECTIONS: readonly Direction[] = Direction.options;
const SHAPES: readonly TargetShape[] = TargetShape.options;

/** Reads the cells of one data row by column name. */
export function readRecord(row: CsvRow, columns: ReadonlyMap<string, number>, locale: CsvLocale = "en"): CsvRecord {
  const get = (column: string) => (columns.has(column) ? restore((row.cells[columns.get(column) as number] ?? "").trim()) : "");
  const need = (column: string, what: string) => {
    const value = get(column);
    if (value === "") failAt("MISSING_VALUE", row.line, `${column} is blank, but ${what}`);
    return value;
  };
  const oneOf = <T extends string>(column: string, allowed: readonly T[]) => {
    const value = need(column, "every indicator states it").toLowerCase();
    if (!(allowed as readonly string[]).includes(value)) failAt("BAD_VALUE", row.line, `${column} ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
    return value as T;
  };
  const amount = (column: string) => {
    const read = readAmount(get(column));
    if (!read.ok) failAt("BAD_AMOUNT", row.line, `${column} ${JSON.stringify(get(column))} ${read.why}`);
    return read.value;
  };

  const objectiveCode = get("objective_code");
  const indicatorCode = get("indicator_code");
  const roCode = get("ro_code");
  let objective: CsvObjective | undefined;
  if (objectiveCode !== "") {
    const number = get("objective_number");
    if (number !== "" && !/^[1-9]\d{0,2}$/.test(number)) failAt("BAD_VALUE", row.line, `objective_number ${JSON.stringify(number)} is not a display number like 1`);
    objective = { code: objectiveCode, name: need("objective_name", "an objective has a name"), ...(number !== "" ? { number: Number(number) } : {}) };
  } else {
    for (const column of ["objective_number", "objective_name", "indicator_code"])
      if (get(column) !== "") failAt("MISSING_VALUE", row.line, `objective_code is blank, but ${column} is filled`);
  }
  let indicator: CsvRecord["indicator"];
  if (indicatorCode !== "" && objective) {
    const unit = oneOf("unit", UNITS);
    const targets = Array.from({ length: 12 }, (_, i) => {
      const column = monthCode(i + 1);
      const read = readCsvTarget(get(column), locale);
      if (!read.ok) failAt("BAD_TARGET", row.line, `${column} ${JSON.stringify(get(column))} ${read.why}`);
      // As in the table: a count's targets are whole numbers (docs/domain.md).
      if (unit === "count" && read.value !== null && !Number.isInteger(read.value))
        failAt("BAD_TARGET", row.line, `${column} ${JSON.stringify(get(column))} is not a whole number; the indicator's unit is count, so its targets are whole numbers`);
      return read.value;
    });
    indicator = {
      id: indicatorId(objective.code, indicatorCode),
      objective: objective.code,
      code: indicatorCode,
      name: need("indicator_name", "an indicator has a name"),
      unit,
      direction: oneOf("direction", DIRECTIONS),
      shape: oneOf("shape", SHAPES),
      targets,
      ...(get("stated_anggaran") === "" ? {} : { statedBudget: amount("stated_anggaran") }),
    };
  }
  let budgetLine: CsvRecord["budgetLine"];
  if (roCode !== "") {
    const output = { code: roCode, name: need("ro_name", "an RO has a name") };
    const component = { code: need("komponen_code", "a budget line is RO + komponen + sub komponen"), name: need("komponen_name", "a komponen has a name") };
    const subComponent = { code: need("sub_komponen_code", "a budget line is RO + komponen + sub komponen"), name: need("sub_komponen_name", "a sub komponen has a name") };
    budgetLine = { id: lineId(output.code, component.code, subComponent.code), output, component, subComponent, pagu: amount("pagu") };
  } else {
    for (const column of ["ro_name", "komponen_code", "komponen_name", "sub_komponen_code", "sub_komponen_name", "pagu"])
      if (get(column) !== "") failAt("MISSING_VALUE", row.line, `ro_code is blank, but ${column} is filled`);
  }
  const contributionText = get("contribution");
  if (indicator && budgetLine) {
    if (contributionText === "") failAt("MISSING_VALUE", row.line, `contribution is blank, but the row names both indicator ${indicator.id} and budget line ${budgetLine.id}`);
    return { line: row.line, ...(objective ? { objective } : {}), indicator, budgetLine, contribution: amount("contribution") };
  }
  // A line's row with a contribution and no indicator is KONTRIBUSI the document prints under no
  // indicator: kept with the line as its unattributed amount.
  if (budgetLine && contributionText !== "") return { line: row.line, ...(objective ? { objective } : {}), budgetLine, contribution: amount("contribution") };
  if (contributionText !== "") failAt("MISSING_VALUE", row.line, "contribution is filled, but a contribution needs a budget line on its row");
  return { line: row.line, ...(objective ? { objective } : {}), ...(indicator ? { indicator } : {}), ...(budgetLine ? { budgetLine } : {}) };
}
