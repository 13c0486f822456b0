import ExcelJS from "exceljs";

export type Sheet = ExcelJS.Worksheet;

/** Reads an .xlsx back, with exceljs, as the analyst's Excel would open it. */
export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's rows below the header, as arrays of cell values (index 0 is column A). */
export function rowsOf(sheet: Sheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
