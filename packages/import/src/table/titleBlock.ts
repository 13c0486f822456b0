import { failAt } from "../failure.js";
import { notice } from "../plan/noticed.js";
import { type Staged, staged } from "../plan/staged.js";
import { type Row, filled } from "./rows.js";

/** The plan's heading: title (with the year), unit and agency. */
export interface TitleBlock {
  readonly title: string;
  readonly unit: string;
  readonly agency: string;
  readonly year: number;
  readonly line: number;
}

// The extraction keeps the PDF's bold markers (**) around the heading; they are not text.
const text = (row: Row) => filled(row).map((c) => c.text).join(" ").replaceAll("**", "").replace(/\s+/g, " ").trim();

/**
 * Reads the three lines above the table: `RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024`, the unit
 * (`LOKA POM DI KABUPATEN REJANG LEBONG`) and the agency (`BADAN PENGAWAS OBAT DAN MAKANAN`).
 */
export function readTitleBlock(rows: readonly Row[]): Staged<TitleBlock> {
  const lines = rows.map((row) => ({ line: row.line, text: text(row) })).filter((l) => l.text !== "");
  const [title, unit, agency, ...rest] = lines;
  if (!title || !unit || !agency)
    failAt(
      "TITLE_INCOMPLETE",
      title?.line ?? 1,
      `above the table there should be three lines: the title with the year, the unit, the agency; found ${lines.length}`,
    );
  const year = /\b(20\d{2})\b/.exec(title.text);
  if (!year) failAt("YEAR_MISSING", title.line, `the title ${JSON.stringify(title.text)} does not name the year (like "TAHUN 2024")`);
  const findings = rest.map((extra) => notice("UNRECOGNISED_ROW", extra.line, { where: "title", text: extra.text.slice(0, 120) }));
  return staged({ title: title.text, unit: unit.text, agency: agency.text, year: Number(year[1]), line: title.line }, findings);
}
