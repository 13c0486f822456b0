import { type PlanState, type RevisionKind, indicatorsInOrder, monthCode, monthName } from "@rapk/core";
import { FORMAT } from "../sheets/excel.js";
import { lineName } from "../lineName.js";

/** The kinds of template rapk writes: a monthly report, a Revisi POK, a revised RAPK's targets. */
export const TEMPLATE_KINDS = ["report", "pok", "rapk"] as const satisfies readonly RevisionKind[];
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/**
 * What a template was made for, kept in the workbook (a hidden sheet) so that the filled
 * workbook is applied only to that plan, at that version, for that month and kind.
 */
export interface TemplateMeta {
  readonly format: typeof TEMPLATE_FORMAT;
  /** The plan: the head of the log's first version, which no other plan shares. */
  readonly plan: string;
  readonly unit: string;
  readonly year: number;
  /** The version the template shows; the workbook is applied only while the log is still there. */
  readonly version: number;
  readonly kind: TemplateKind;
  /** The month reported on (kind `report`). */
  readonly month?: number;
}

export const TEMPLATE_FORMAT = "rapk-template/1";

/** A column of a template sheet: `input` columns are the person's to fill, the others are there to read. */
export interface TemplateColumn {
  readonly key: string;
  readonly header: string;
  readonly width: number;
  readonly format?: string;
  readonly input?: boolean;
}

export type TemplateCell = string | number | null;

export interface TemplateSheet {
  readonly name: string;
  readonly columns: readonly TemplateColumn[];
  /** Each row's cells by column key; the first column is the row's key (an indicator, a line). */
  readonly rows: readonly Readonly<Record<string, TemplateCell>>[];
}

/** A field of the revision's own sheet (who, why, ...): its key, its label and the value it starts with. */
export interface TemplateField {
  readonly key: string;
  readonly label: string;
  readonly value: TemplateCell;
}

export interface Template {
  readonly meta: TemplateMeta;
  readonly fields: readonly TemplateField[];
  readonly sheets: readonly TemplateSheet[];
  /** The plan's indicators and lines: what a row may name (a new contribution of a Revisi POK, say). */
  readonly ids: { readonly indicators: readonly string[]; readonly lines: readonly string[] };
}

/** The sheet names and the field sheet's, as the workbook shows them. */
export const SHEET = Object.freeze({ fields: "Revisi", indicators: "Indikator", lines: "Anggaran", pagu: "Pagu", contributions: "Kontribusi", targets: "Target", meta: "rapk" });

const text = (key: string, header: string, width: number, input = false): TemplateColumn => ({ key, header, width, format: FORMAT.text, input });
const measure = (key: string, header: string, input = false): TemplateColumn => ({ key, header, width: 13, format: FORMAT.measure, input });
const rupiah = (key: string, header: string, input = false): TemplateColumn => ({ key, header, width: 18, format: FORMAT.rupiah, input });
const NOTES = [text("note", "CATATAN", 30, true), text("obstacles", "HAMBATAN", 30, true), text("followUp", "RENCANA TINDAK LANJUT", 30, true)];

/** The latest month before `month` with a report, and that report's value. */
function lastReported(reports: Readonly<Record<number, { value: number }>> | undefined, month: number): { month: number; value: number } | undefined {
  for (let m = month - 1; m >= 1; m--) {
    const report = reports?.[m];
    if (report) return { month: m, value: report.value };
  }
  return undefined;
}

/** The template of a monthly report: each indicator's realisation and each line's spending in `month`, as far as reported. */
function reportSheets(state: PlanState, month: number): TemplateSheet[] {
  const code = monthCode(month);
  const indicators: TemplateSheet = {
    name: SHEET.indicators,
    columns: [
      text("id", "KODE", 8),
      text("name", "INDIKATOR", 50),
      text("unit", "SATUAN", 9),
      measure("target", `TARGET ${code}`),
      measure("last", "REALISASI TERAKHIR"),
      text("lastMonth", "BULAN", 7),
      measure("value", `REALISASI ${code}`, true),
      measure("numerator", "PEMBILANG", true),
      measure("denominator", "PENYEBUT", true),
      ...NOTES,
    ],
    rows: indicatorsInOrder(state).map((indicator) => {
      const reports = state.realisations[indicator.id];
      const now = reports?.[month];
      const last = lastReported(reports, month);
      return {
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        target: indicator.targets[month - 1] ?? null,
        last: last?.value ?? null,
        lastMonth: last ? monthCode(last.month) : null,
        value: now?.value ?? null,
        numerator: now?.numerator ?? null,
        denominator: now?.denominator ?? null,
        note: now?.note ?? null,
        obstacles: now?.obstacles ?? null,
        followUp: now?.followUp ?? null,
      };
    }),
  };
  const lines: TemplateSheet = {
    name: SHEET.lines,
    columns: [text("id", "KODE BARIS", 24), text("name", "NAMA", 50), rupiah("pagu", "PAGU"), rupiah("spent", `REALISASI SEBELUM ${code}`), rupiah("amount", `REALISASI ${code}`, true), ...NOTES],
    rows: Object.values(state.lines).map((line) => {
      const months = state.spending[line.id] ?? {};
      let spent = 0;
      for (const [m, amount] of Object.entries(months)) if (Number(m) < month) spent += amount;
      const notes = state.spendingNotes[line.id]?.[month];
      return { id: line.id, name: lineName(state, line.id), pagu: line.pagu, spent, amount: months[month] ?? null, note: notes?.note ?? null, obstacles: notes?.obstacles ?? null, followUp: notes?.followUp ?? null };
    }),
  };
  return [indicators, lines];
}

/** The template of a Revisi POK: each line's pagu and each contribution, before and after. */
function pokSheets(state: PlanState): TemplateSheet[] {
  const pagu: TemplateSheet = {
    name: SHEET.pagu,
    columns: [text("id", "KODE BARIS", 24), text("name", "NAMA", 50), rupiah("before", "PAGU SEBELUM"), rupiah("after", "PAGU SESUDAH", true)],
    rows: Object.values(state.lines).map((line) => ({ id: line.id, name: lineName(state, line.id), before: line.pagu, after: line.pagu })),
  };
  const contributions: TemplateSheet = {
    name: SHEET.contributions,
    columns: [text("indicator", "INDIKATOR", 10), text("line", "KODE BARIS", 24), rupiah("before", "KONTRIBUSI SEBELUM"), rupiah("after", "KONTRIBUSI SESUDAH", true)],
    rows: indicatorsInOrder(state).flatMap((indicator) =>
      Object.entries(state.contributions[indicator.id] ?? {}).map(([line, amount]) => ({ indicator: indicator.id, line, before: amount, after: amount })),
    ),
  };
  return [pagu, contributions];
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The template of a revised RAPK's targets: each indicator's twelve targets, as they stand. */
function targetSheets(state: PlanState): TemplateSheet[] {
  return [
    {
      name: SHEET.targets,
      columns: [text("id", "KODE", 8), text("name", "INDIKATOR", 50), text("unit", "SATUAN", 9), ...MONTHS.map((m) => ({ ...measure(monthCode(m), monthCode(m), true), width: 8 }))],
      rows: indicatorsInOrder(state).map((indicator) => ({
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        ...Object.fromEntries(MONTHS.map((m) => [monthCode(m), indicator.targets[m - 1] ?? null])),
      })),
    },
  ];
}

/** The labels of the revision's own fields. */
export const FIELD_LABEL = Object.freeze({
  actor: "Oleh (siapa)",
  reason: "Alasan",
  reference: "Rujukan (nota dinas, surat)",
  effectiveAt: "Berlaku sejak (2024-07-05T10:00:00+07:00)",
  place: "Tempat penandatanganan",
  date: "Tanggal penandatanganan",
  name: "Nama penandatangan",
  title: "Jabatan penandatangan",
});

function fieldsOf(state: PlanState, kind: TemplateKind, month: number | undefined): TemplateField[] {
  const year = state.plan?.year;
  const reason = kind === "report" ? `Laporan bulanan ${monthName(month!, "id")} ${year}` : kind === "pok" ? "Revisi POK" : "Revisi RAPK";
  const fields: TemplateField[] = [
    { key: "actor", label: FIELD_LABEL.actor, value: null },
    { key: "reason", label: FIELD_LABEL.reason, value: reason },
    { key: "reference", label: FIELD_LABEL.reference, value: null },
    { key: "effectiveAt", label: FIELD_LABEL.effectiveAt, value: null },
  ];
  if (kind !== "rapk") return fields;
  // A revised RAPK is signed again: the signature as it stands, to be dated anew.
  const signature = state.signature;
  return [
    ...fields,
    { key: "place", label: FIELD_LABEL.place, value: signature?.place ?? null },
    { key: "date", label: FIELD_LABEL.date, value: signature?.date ?? null },
    { key: "name", label: FIELD_LABEL.name, value: signature?.name ?? null },
    { key: "title", label: FIELD_LABEL.title, value: signature?.title ?? null },
  ];
}

export interface TemplateOptions {
  readonly kind: TemplateKind;
  /** Required for kind `report`: the month reported on, 1..12. */
  readonly month?: number;
  /** The plan's identity: the head of the log's first version. */
  readonly plan: string;
  /** The version `state` is the plan at. */
  readonly version: number;
}

/**
 * The spreadsheet a unit fills in instead of writing a revision file: for a monthly report each
 * indicator (target, last realisation, this month's value, numerator, denominator, notes,
 * hambatan, rencana tindak lanjut) and each budget line (pagu, spent so far, this month, notes);
 * for a Revisi POK each line's pagu and each contribution before and after; for a revised RAPK
 * each indicator's targets. What the month already has is filled in, so a row left as it is
 * changes nothing.
 */
export function templateOf(state: PlanState, options: TemplateOptions): Template {
  const { kind, month } = options;
  if (kind === "report" && (month === undefined || !Number.isInteger(month) || month < 1 || month > 12)) throw new RangeError("a report's template needs its month, 1..12");
  const meta: TemplateMeta = {
    format: TEMPLATE_FORMAT,
    plan: options.plan,
    unit: state.plan?.unit ?? "",
    year: state.plan?.year ?? 0,
    version: options.version,
    kind,
    ...(kind === "report" ? { month: month! } : {}),
  };
  const sheets = kind === "report" ? reportSheets(state, month!) : kind === "pok" ? pokSheets(state) : targetSheets(state);
  return { meta, fields: fieldsOf(state, kind, month), sheets, ids: { indicators: Object.keys(state.indicators), lines: Object.keys(state.lines) } };
}
