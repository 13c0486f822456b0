/**
 * @rapk/report: the documents of a RAPK plan. The printed RAPK as a layout (data) rendered to
 * HTML (the CLI renders the same layout to PDF), the quarterly report (triwulan), and
 * spreadsheets (XLSX through exceljs, loaded only when a workbook is made; CSV). Browser-safe.
 */
export * from "./format.js";
export * from "./html.js";
export * from "./print/printLayout.js";
export * from "./print/footerText.js";
export * from "./print/printHtml.js";
export * from "./quarter/quarterReport.js";
export * from "./sheets/excel.js";
export * from "./sheets/csv.js";
export * from "./sheets/diffRows.js";
export * from "./sheets/diffCsv.js";
export * from "./sheets/diffWorkbook.js";
export * from "./sheets/quarterWorkbook.js";
export * from "./sheets/planWorkbook.js";
export * from "./sheets/rollupWorkbook.js";
export * from "./fill/template.js";
export * from "./fill/grid.js";
export * from "./fill/problems.js";
export * from "./fill/templateMeta.js";
export * from "./fill/templateWorkbook.js";
export * from "./fill/templateCsv.js";
export * from "./fill/filledRevision.js";
export * from "./sheets/stampWorkbook.js";
export * from "./quarter/yearReport.js";
export * from "./sheets/yearWorkbook.js";
export * from "./quarter/quarterWords.js";
export * from "./quarter/quarterTables.js";
export * from "./lineName.js";
