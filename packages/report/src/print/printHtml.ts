import { formatMeasure } from "@rapk/core";
import { formatAmount } from "../format.js";
import { escapeHtml as e } from "../html.js";
import { footerText } from "./footerText.js";
import type { PrintIndicatorRow, PrintLayout, PrintLineRow, PrintUnattributed } from "./printLayout.js";

/**
 * The print stylesheet of the printed RAPK: A4 landscape, the table's header repeated on every
 * page, the footer (version, effective date, head hash) on every page. Scoped to `.rapk-print`
 * so the viewer can carry it beside its own styles.
 */
export const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm 10mm 16mm 10mm; }
.rapk-print { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 7.5pt; color: #000; background: #fff; }
.rapk-print .title { text-align: center; font-weight: bold; font-size: 10pt; margin: 0 0 4mm; line-height: 1.35; }
.rapk-print .title span { display: block; }
.rapk-print .title .revision { font-weight: normal; font-size: 9pt; }
.rapk-print table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.rapk-print td, .rapk-print th { overflow-wrap: anywhere; }
.rapk-print th, .rapk-print td { border: 0.6pt solid #000; padding: 1.2pt 2pt; vertical-align: top; }
.rapk-print thead th { background: #e6e6e6; text-align: center; font-weight: bold; }
.rapk-print thead { display: table-header-group; }
.rapk-print tr { break-inside: avoid; }
.rapk-print .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.rapk-print .lines-cell { padding: 0 0 0 8pt; border-top: none; }
.rapk-print .lines th { background: #f4f4f4; font-weight: bold; }
/* A figure beside a figure wraps onto lines of its own: kept on one line it ran past the last column and off the page. */
.rapk-print .derived { display: block; font-style: italic; color: #444; white-space: normal; }
.rapk-print .total td { font-weight: bold; }
.rapk-print .unattributed td { font-style: italic; }
.rapk-print .signature { margin: 6mm 0 0 auto; width: 45%; text-align: center; break-inside: avoid; }
.rapk-print .signature .space { height: 16mm; }
.rapk-print .footer { margin-top: 4mm; font-size: 6.5pt; color: #333; word-break: break-all; }
@media print { .rapk-print .footer { position: fixed; bottom: 0; left: 0; right: 0; margin: 0; } }
`;

/** The budget rows under a row of the document: NO, RO, KOMPONEN, SUB KOMPONEN, ANGGARAN, KONTRIBUSI. */
function linesRow(rows: readonly PrintLineRow[], months: number): string {
  if (rows.length === 0) return "";
  const lines = rows
    .map(
      (l) =>
        `<tr data-line="${e(l.line)}"><td>${e(l.number)}</td><td>${e(l.output)}</td><td>${e(l.component)}</td><td>${e(l.subComponent)}</td><td class="num">${formatAmount(l.pagu)}</td><td class="num">${formatAmount(l.contribution)}</td></tr>`,
    )
    .join("");
  const columns = "<colgroup><col style=\"width:4%\"><col style=\"width:30%\"><col style=\"width:26%\"><col style=\"width:18%\"><col style=\"width:11%\"><col style=\"width:11%\"></colgroup>";
  const table = `<table class="lines">${columns}<thead><tr><th>NO</th><th>RO</th><th>KOMPONEN</th><th>SUB KOMPONEN</th><th>ANGGARAN</th><th>KONTRIBUSI</th></tr></thead><tbody>${lines}</tbody></table>`;
  return `<tr class="lines-row"><td></td><td></td><td class="lines-cell" colspan="${months + 2}">${table}</td></tr>`;
}

function indicatorRows(row: PrintIndicatorRow, months: number): string {
  const budget = `${formatAmount(row.budget)}${row.derivedBudget === null ? "" : `<span class="derived">dihitung ${formatAmount(row.derivedBudget)}</span>`}`;
  const targets = row.targets.map((t) => `<td class="num">${e(formatMeasure(t))}</td>`).join("");
  const head = `<tr class="indicator" data-indicator="${e(row.id)}"><td>${e(row.number ?? "")}</td><td>${e(row.objective ?? "")}</td><td>${e(row.indicator)}</td>${targets}<td class="num">${budget}</td></tr>`;
  return head + linesRow(row.lines, months);
}

function unattributedRows(unattributed: PrintUnattributed | null, months: number): string {
  if (unattributed === null) return "";
  const head = `<tr class="unattributed"><td></td><td></td><td>${e(unattributed.label)}</td>${"<td></td>".repeat(months)}<td class="num">${formatAmount(unattributed.amount)}</td></tr>`;
  return head + linesRow(unattributed.lines, months);
}

/** The printed RAPK as an HTML fragment (`<article class="rapk-print">`), for the viewer and for {@link printHtmlDocument}. */
export function printHtml(layout: PrintLayout): string {
  const months = layout.months.length;
  const title = layout.title.map((line) => `<span>${e(line)}</span>`).join("") + (layout.revision === null ? "" : `<span class="revision">${e(layout.revision)}</span>`);
  const head = `<thead><tr><th rowspan="2">NO.</th><th rowspan="2">SASARAN KEGIATAN</th><th rowspan="2">INDIKATOR KINERJA KEGIATAN</th><th colspan="${months}">TARGET</th><th rowspan="2">ANGGARAN</th></tr><tr>${layout.months.map((m) => `<th>${e(m)}</th>`).join("")}</tr></thead>`;
  const body = layout.indicators.map((row) => indicatorRows(row, months)).join("") + unattributedRows(layout.unattributed, months);
  // The published proportions: narrow NO, wide names, twelve equal month columns, ANGGARAN wide
  // enough for a bold Total of ten digits on A4 landscape (at 8.5 % its last digit fell off the page).
  const columns = `<colgroup><col style="width:3%"><col style="width:15.5%"><col style="width:20%">${layout.months.map(() => `<col style="width:${(48 / months).toFixed(2)}%">`).join("")}<col style="width:10.5%"></colgroup>`;
  const derivedTotal = layout.derivedTotal === null ? "" : `<span class="derived">pagu tercatat ${formatAmount(layout.derivedTotal)}</span>`;
  const total = `<tr class="total"><td colspan="${months + 3}" class="num">Total</td><td class="num">${formatAmount(layout.total)}${derivedTotal}</td></tr>`;
  const signature =
    layout.placeAndDate === null
      ? ""
      : `<div class="signature"><p>${e(layout.placeAndDate)}</p><p>${e(layout.signatoryTitle ?? "")}</p><div class="space"></div><p class="name">${e(layout.signatoryName ?? "")}</p></div>`;
  return `<article class="rapk-print"><h1 class="title">${title}</h1><table class="document">${columns}${head}<tbody>${body}${total}</tbody></table>${signature}<p class="footer">${e(footerText(layout.provenance))}</p></article>`;
}

/** A whole HTML page of the printed RAPK, its stylesheet inside: what `rapk print --out plan.html` writes. */
export function printHtmlDocument(layout: PrintLayout): string {
  const title = layout.title.join(" · ") || "RAPK";
  return `<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>${e(title)}</title>\n<style>${PRINT_CSS}</style>\n</head>\n<body>\n${printHtml(layout)}\n</body>\n</html>\n`;
}
