import type { ImportFormat } from "../types.js";

/**
 * Tells the CSV template from the text of a published table. The template starts with `#key,value`
 * rows or its header; the table's text is tab-separated and names its columns in Indonesian.
 * Anything else is handed to the table reader, whose error says what it looked for.
 */
export function sniffFormat(text: string): ImportFormat {
  const head = text.slice(0, 64 * 1024);
  const firstLine = head.split(/\r\n|\r|\n/).find((line) => line.trim() !== "")?.trim() ?? "";
  if (firstLine.startsWith("#") || /^"?objective_number"?,/i.test(firstLine)) return "csv";
  if (head.includes("\t") || /SASARAN KEGIATAN|RENCANA AKSI/i.test(head)) return "table";
  return firstLine.includes(",") ? "csv" : "table";
}
