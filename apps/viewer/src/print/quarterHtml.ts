import type { Language } from "@rapk/core";
import { type PrintProvenance, type QuarterReport, type QuarterTable, escapeHtml as e, footerText, formatLongDate, quarterTables } from "@rapk/report";
import { cssString } from "./cssString.js";

/**
 * What the quarterly report adds to the printed RAPK's stylesheet (PRINT_CSS, scoped to
 * `.rapk-print`, already on the page): the header block, a heading over each table, and text cells
 * that wrap (a note, a line's name) where figures never do.
 */
const QUARTER_CSS = `
.rapk-print.rapk-quarter h2 { font-size: 8.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.rapk-print .header-block { width: 60%; margin: 0 0 2mm; }
.rapk-print .header-block th { text-align: left; background: none; width: 30%; }
.rapk-print .text { white-space: normal; overflow-wrap: anywhere; }
.rapk-print .notes td { white-space: pre-wrap; }
@media print { .rapk-print.rapk-quarter .footer { display: none; } }
`;

/**
 * The footer of every page in the page's bottom margin (a margin box), where no row can run under
 * it: a footer fixed over the page's content box let the last lines of a page overlap it.
 */
const footerBox = (footer: string) => `@page { @bottom-left { content: ${cssString(footer)}; font: 6.5pt "Helvetica Neue", Helvetica, Arial, sans-serif; color: #333; vertical-align: middle; } }`;

/** A table with its heading, its columns in the proportions of the PDF's points; figures right-aligned on one line, text wrapping. */
function table({ heading, columns, head, rows }: QuarterTable, className: string, lastRowClass = ""): string {
  const sum = columns.reduce((total, c) => total + c.width, 0);
  const colgroup = `<colgroup>${columns.map((c) => `<col style="width:${((100 * c.width) / sum).toFixed(2)}%">`).join("")}</colgroup>`;
  const cell = (text: string, i: number) => `<td class="${columns[i]?.align === "right" ? "num" : "text"}">${e(text)}</td>`;
  const body = rows.map((row, r) => `<tr${r === rows.length - 1 && lastRowClass ? ` class="${lastRowClass}"` : ""}>${row.map(cell).join("")}</tr>`).join("");
  return `<h2>${e(heading)}</h2><table class="${className}">${colgroup}<thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * The quarterly report as the browser prints it to PDF (A4 landscape): what `rapk report
 * --quarter N --out tw.pdf` puts on its pages, the same text (@rapk/report's quarterTables, with
 * its rounding) in the same proportions: the header block; the achievement, budget-line,
 * absorption and notes tables; the signatory; the footer of the plan's print. Every name is escaped.
 */
export function quarterHtml(report: QuarterReport, provenance: PrintProvenance, language: Language): string {
  const tables = quarterTables(report, provenance, language);
  const headerBlock = `<table class="header-block"><tbody>${tables.header.map(([label, value]) => `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>`).join("")}</tbody></table>`;
  const { signature } = report;
  const day = signature === null ? "" : formatLongDate(provenance.effectiveAt === "" ? signature.date : provenance.effectiveAt);
  const signatureBlock =
    signature === null
      ? ""
      : `<div class="signature"><p>${e(`${signature.place}, ${day}`)}</p><p>${e(signature.title)}</p><div class="space"></div><p class="name">${e(signature.name ?? "")}</p></div>`;
  const heading = `<h1 class="title"><span>${e(tables.title)}</span><span>${e(report.unit.toUpperCase())}</span></h1>`;
  const body = [table(tables.achievement, "achievement"), table(tables.lines, "lines-table", "total"), table(tables.absorption, "absorption"), table(tables.notes, "notes")].join("");
  const footer = footerText(provenance);
  return `<style>${QUARTER_CSS}${footerBox(footer)}</style><article class="rapk-print rapk-quarter">${heading}${headerBlock}${body}${signatureBlock}<p class="footer">${e(footer)}</p></article>`;
}
