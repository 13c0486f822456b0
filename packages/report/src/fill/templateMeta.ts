import type { Grid } from "./grid.js";
import type { SheetProblem } from "./problems.js";
import { SHEET, TEMPLATE_FORMAT, TEMPLATE_KINDS, type TemplateKind, type TemplateMeta } from "./template.js";

const unknown = (why: { id: string; en: string }): { ok: false; problem: SheetProblem } => ({ ok: false, problem: { code: "TEMPLATE_UNKNOWN", message: why } });

/** What a filled workbook says it was made for (its hidden sheet), or why it is no rapk template. */
export function templateMetaOf(grid: Grid): { ok: true; meta: TemplateMeta } | { ok: false; problem: SheetProblem } {
  const sheet = grid.sheets.find((s) => s.name === SHEET.meta);
  if (!sheet) return unknown({ id: `buku kerja ini bukan templat rapk (lembar tersembunyi "${SHEET.meta}" tidak ada); buat templat dengan rapk template.`, en: `this workbook is not a rapk template (it has no hidden sheet "${SHEET.meta}"); make one with rapk template.` });
  const values = new Map(sheet.rows.map((row) => [String(row[0] ?? ""), row[1] ?? null]));
  const kind = values.get("kind");
  const version = values.get("version");
  const month = values.get("month");
  const plan = values.get("plan");
  const year = values.get("year");
  if (
    values.get("format") !== TEMPLATE_FORMAT ||
    typeof plan !== "string" ||
    typeof version !== "number" ||
    !Number.isInteger(version) ||
    !TEMPLATE_KINDS.includes(kind as TemplateKind) ||
    (kind === "report" && (typeof month !== "number" || !Number.isInteger(month) || month < 1 || month > 12))
  )
    return unknown({ id: `lembar tersembunyi "${SHEET.meta}" tidak utuh atau diubah; buat templat baru dengan rapk template.`, en: `the hidden sheet "${SHEET.meta}" is incomplete or was changed; make a new template with rapk template.` });
  const meta: TemplateMeta = {
    format: TEMPLATE_FORMAT,
    plan,
    unit: String(values.get("unit") ?? ""),
    year: typeof year === "number" ? year : 0,
    version,
    kind: kind as TemplateKind,
    ...(kind === "report" ? { month: month as number } : {}),
  };
  return { ok: true, meta };
}
