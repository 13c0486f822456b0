import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import { failAt } from "../failure.js";
import { type Noticed, notice } from "../plan/noticed.js";
import { type Staged, staged } from "../plan/staged.js";
import { readAmount } from "../values/amount.js";
import { CSV_KEYS, CSV_VERSION, type CsvKey } from "./columns.js";
import { spreadsheetTextRead as restore } from "@rapk/core";
import type { CsvRow } from "./parseCsv.js";

export interface CsvPlan {
  readonly unit: string;
  readonly agency: string;
  readonly year: number;
  readonly ceiling: number;
  /** The Total as the document prints it (#stated_total), when given. */
  readonly statedTotal?: number;
  readonly title?: string;
  readonly line: number;
}

export interface CsvSignature {
  readonly place: string;
  readonly date: string;
  readonly title: string;
  readonly name: string | null;
  readonly line: number;
}

type Values = Map<CsvKey, { value: string; line: number }>;

/** Reads the `#key,value` rows; gives them by key, and the keys the template does not have (UNKNOWN_KEY). */
export function readKeyRows(rows: readonly CsvRow[]): Staged<Values> {
  const values: Values = new Map();
  const findings: Noticed[] = [];
  for (const row of rows) {
    const [first = "", value = "", ...rest] = row.cells.map((c) => c.trim());
    const key = first.slice(1).trim().toLowerCase();
    if (rest.some((c) => c !== ""))
      failAt("MALFORMED_ROW", row.line, `${first} has ${row.cells.length} cells where 2 were expected (key, value): quote a value that contains commas`, findings);
    if (!(CSV_KEYS as readonly string[]).includes(key)) {
      findings.push(notice("UNKNOWN_KEY", row.line, { key: first, known: CSV_KEYS.map((k) => `#${k}`) }));
      continue;
    }
    const earlier = values.get(key as CsvKey);
    if (earlier) failAt("DUPLICATE_KEY", row.line, `${first} is given twice, on lines ${earlier.line} and ${row.line}`, findings);
    values.set(key as CsvKey, { value: restore(value), line: row.line });
  }
  return staged(values, findings);
}

function required(values: Values, key: CsvKey, line: number): { value: string; line: number } {
  const found = values.get(key);
  if (!found || found.value === "") failAt("PLAN_INCOMPLETE", found?.line ?? line, `the #${key} row is missing or blank; the plan needs #unit, #agency, #year and #ceiling`);
  return found;
}

/** The plan's own values: unit, agency, year, ceiling and title. */
export function readPlanValues(values: Values, headerLine: number): CsvPlan {
  const version = values.get("rapk_csv");
  if (version && version.value !== CSV_VERSION)
    failAt("UNSUPPORTED_VERSION", version.line, `this is version ${JSON.stringify(version.value)} of the template; this importer reads version ${CSV_VERSION}`);
  const unit = required(values, "unit", headerLine);
  const agency = required(values, "agency", headerLine);
  const year = required(values, "year", headerLine);
  if (!/^\d{4}$/.test(year.value)) failAt("BAD_YEAR", year.line, `#year ${JSON.stringify(year.value)} is not a year like 2024`);
  const ceiling = required(values, "ceiling", headerLine);
  const amount = readAmount(ceiling.value);
  if (!amount.ok) failAt("BAD_AMOUNT", ceiling.line, `#ceiling ${JSON.stringify(ceiling.value)} ${amount.why}`);
  const title = values.get("title")?.value;
  const stated = values.get("stated_total");
  const statedTotal = stated && stated.value !== "" ? readAmount(stated.value) : undefined;
  if (statedTotal && !statedTotal.ok) failAt("BAD_AMOUNT", stated?.line, `#stated_total ${JSON.stringify(stated?.value)} ${statedTotal.why}`);
  return {
    unit: unit.value,
    agency: agency.value,
    year: Number(year.value),
    ceiling: amount.value,
    ...(title ? { title } : {}),
    ...(statedTotal?.ok ? { statedTotal: statedTotal.value } : {}),
    line: unit.line,
  };
}

/** The signature: place, date and title together, or none of them; the name may be blank (null). */
export function readSignatureValues(values: Values): CsvSignature | undefined {
  const parts = (["signed_place", "signed_date", "signatory_title"] as const).map((key) => [key, values.get(key)] as const);
  const given = parts.filter(([, v]) => v && v.value !== "");
  const name = values.get("signatory_name");
  if (given.length === 0) {
    if (name && name.value !== "") failAt("SIGNATURE_INCOMPLETE", name.line, "#signatory_name is given without #signed_place, #signed_date and #signatory_title");
    return undefined;
  }
  if (given.length < parts.length) {
    const missing = parts.filter(([, v]) => !v || v.value === "").map(([k]) => `#${k}`);
    failAt("SIGNATURE_INCOMPLETE", (given[0]?.[1] as { line: number }).line, `a signature needs #signed_place, #signed_date and #signatory_title; ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} missing`);
  }
  const [place, date, title] = parts.map(([, v]) => v as { value: string; line: number }) as [{ value: string; line: number }, { value: string; line: number }, { value: string; line: number }];
  const parsed = parseISO(date.value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value) || !isValid(parsed) || format(parsed, "yyyy-MM-dd") !== date.value)
    failAt("BAD_DATE", date.line, `#signed_date ${JSON.stringify(date.value)} is not a date like 2024-02-22`);
  return { place: place.value, date: date.value, title: title.value, name: name && name.value !== "" ? name.value : null, line: place.line };
}
