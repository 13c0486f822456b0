import type ExcelJSModule from "exceljs";

/**
 * A workbook with `stamp` on every sheet: its first cell's note is not enough for a reader who
 * prints, so the stamp goes in every sheet's printed header and footer and in a bold row after
 * its data. What a log that did not verify is exported as (`--unverified`): no sheet of it can be
 * taken for a record. The sheets' cells are otherwise unchanged.
 */
export async function stampWorkbook(bytes: Uint8Array, stamp: string): Promise<Uint8Array> {
  const module = (await import("exceljs")) as unknown as { default?: typeof ExcelJSModule } & typeof ExcelJSModule;
  const ExcelJS = module.default ?? module;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  // "&" starts a code in a header or footer: written twice, it is the character itself.
  const printed = stamp.replaceAll("&", "&&");
  for (const sheet of book.worksheets) {
    sheet.headerFooter = { ...sheet.headerFooter, oddHeader: printed, oddFooter: printed, evenHeader: printed, evenFooter: printed };
    sheet.addRow([]);
    sheet.addRow([stamp]).font = { bold: true, color: { argb: "FFC00000" } };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
