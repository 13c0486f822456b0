import type { Language } from "@rapk/core";
import type { QuarterReport } from "../quarter/quarterReport.js";

/**
 * The quarterly report as an .xlsx: a header sheet (unit, quarter, version, effective date, the
 * absorption against the DIPA ceiling and against the itemised lines, the signatory); achievement
 * per indicator with its three months' realisation, numerator and denominator; absorption per
 * budget line with its name and the indicators it serves; the quarter's notes (hambatan, rencana
 * tindak lanjut), of indicators and of lines. Percentages are ratios shown as %.
 */
export async function quarterWorkbook(report: QuarterReport, language: Language = "id"): Promise<Uint8Array> {
  // Its sheets and words load when a workbook is asked for, as exceljs does, not with a page that only shows the quarter.
  return (await import("./quarterSheets.js")).makeQuarterWorkbook(report, language);
}
