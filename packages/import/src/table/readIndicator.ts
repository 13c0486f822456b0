import { indicatorId, monthCode } from "@rapk/core";
import { failAt } from "../failure.js";
import { type Noticed, notice } from "../plan/noticed.js";
import { type Staged, staged } from "../plan/staged.js";
import { readAmount } from "../values/amount.js";
import { unitFromName } from "../values/indicatorUnit.js";
import { readTarget } from "../values/target.js";
import { shapeOf } from "../values/targetShape.js";
import type { IndicatorEntry } from "./entries.js";
import type { ReadIndicator } from "./structure.js";

const quote = (text: string) => JSON.stringify(text);

/**
 * Reads an indicator's cells under its objective: twelve targets (a blank one is kept blank and
 * reported, BLANK_TARGET), the stated ANGGARAN (blank: null, which is not Rp0), the unit from
 * its name and the shape from its targets.
 */
export function readIndicator(objective: string, cells: IndicatorEntry["indicator"], line: number): Staged<ReadIndicator> {
  const id = indicatorId(objective, cells.code);
  const blanks: Noticed[] = [];
  const targets = cells.targets.map((cell, i) => {
    const read = readTarget(cell.text);
    if (!read.ok) failAt("BAD_TARGET", line, `target ${monthCode(i + 1)} of indicator ${id} (column ${cell.col + 1}) ${quote(cell.text)} ${read.why}`, blanks);
    if (read.value === null) blanks.push(notice("BLANK_TARGET", line, { indicator: id, month: i + 1 }, id));
    return read.value;
  });
  const stated = cells.budget.text.trim() === "" ? ({ ok: true, value: null } as const) : readAmount(cells.budget.text);
  if (!stated.ok) failAt("BAD_AMOUNT", line, `ANGGARAN of indicator ${id} (column ${cells.budget.col + 1}) ${quote(cells.budget.text)} ${stated.why}`, blanks);
  const unit = unitFromName(cells.name);
  if (!unit)
    failAt(
      "UNIT_UNKNOWN",
      line,
      `the unit of indicator ${id} cannot be told from its name ${quote(cells.name)}: it should start with Persentase, Tingkat, Indeks or Nilai (the CSV template states units explicitly)`,
      blanks,
    );
  return staged({ id, objective, code: cells.code, name: cells.name, unit, shape: shapeOf(targets), targets, stated: stated.value, line }, blanks);
}
