import { indicatorId, monthCode } from "@rapk/core";
import { failAt } from "../failure.js";
import { type Noticed, notice } from "../plan/noticed.js";
import { type Staged, staged } from "../plan/staged.js";
import { readAmount } from "../values/amount.js";
import { unitFromName } from "../values/indicatorUnit.js";
import { readDocumentTarget } from "../values/documentTarget.js";
import type { NumberStyle } from "../values/numberStyle.js";
import { shapeOf } from "../values/targetShape.js";
import type { IndicatorEntry } from "./entries.js";
import type { ReadIndicator } from "./structure.js";

const quote = (text: string) => JSON.stringify(text);

/**
 * Reads an indicator's cells under its objective: twelve targets (a blank one is kept blank and
 * reported, BLANK_TARGET), the stated ANGGARAN (blank: null, which is not Rp0), the unit from
 * its name and the shape from its targets.
 */
export function readIndicator(objective: string, cells: IndicatorEntry["indicator"], line: number, style?: NumberStyle): Staged<ReadIndicator> {
  const id = indicatorId(objective, cells.code);
  const blanks: Noticed[] = [];
  const unit = unitFromName(cells.name);
  const targets = cells.targets.map((cell, i) => {
    const read = readDocumentTarget(cell.text, style, unit === "count");
    if (!read.ok) failAt("BAD_TARGET", line, `target ${monthCode(i + 1)} of indicator ${id} (column ${cell.col + 1}) ${quote(cell.text)} ${read.why}`, blanks);
    const { value, reading } = read.value;
    if (value === null) blanks.push(notice("BLANK_TARGET", line, { indicator: id, month: i + 1 }, id));
    if (value !== null && reading) {
      const by = reading.by === "count" ? "count" : reading.as;
      const example = reading.by === "style" ? { text: reading.style.example, line: reading.style.line } : undefined;
      blanks.push(notice("TARGET_READ_AS", line, { indicator: id, month: i + 1, text: cell.text.trim(), value, by, ...(example ? { example } : {}) }, id));
    }
    return value;
  });
  const stated = cells.budget.text.trim() === "" ? ({ ok: true, value: null } as const) : readAmount(cells.budget.text);
  if (!stated.ok) failAt("BAD_AMOUNT", line, `ANGGARAN of indicator ${id} (column ${cells.budget.col + 1}) ${quote(cells.budget.text)} ${stated.why}`, blanks);
  if (!unit)
    failAt(
      "UNIT_UNKNOWN",
      line,
      `the unit of indicator ${id} cannot be told from its name ${quote(cells.name)}: it should start with Persentase, Tingkat, Indeks, Nilai or Jumlah (the CSV template states units explicitly)`,
      blanks,
    );
  return staged({ id, objective, code: cells.code, name: cells.name, unit, shape: shapeOf(targets), targets, stated: stated.value, line }, blanks);
}
