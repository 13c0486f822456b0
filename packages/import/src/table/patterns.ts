/**
 * What the cells of a published RAPK hold. Cells are found by these, never by their column:
 * the extraction shifts columns from page to page.
 */

/** A row number: `1.`, `10.` (objectives' display numbers and budget rows' NO). */
export const ROW_NUMBER = /^(\d{1,5})\.$/;

/** An objective or indicator: `01 - Terwujudnya ...`. */
export const CODE_NAME = /^(\d{2,3})\s+-\s+(.*\S)$/;

const RO = String.raw`([A-Z]{2}\.\d{4}\.[A-Z0-9]{3}\.[A-Z0-9]{3})`;

/** An RO (Rincian Output) with its name: `DR.3165.QIA.005 - Sampel Obat ...`. */
export const OUTPUT = new RegExp(String.raw`^${RO}\s+-\s+(.*\S)$`);

/** The row number and the RO in one cell, as the extraction sometimes leaves them: `1. DR.3165.QIC.004 - ...`. */
export const NUMBERED_OUTPUT = new RegExp(String.raw`^(\d{1,5})\.\s+${RO}\s+-\s+(.*\S)$`);

/** A komponen (component): `053 - Pengadaan sampel ...`. */
export const COMPONENT = /^(\d{3})\s+-\s+(.*\S)$/;

/** A sub komponen (sub-component): `A - PENGADAAN SAMPEL`. */
export const SUB_COMPONENT = /^([A-Z0-9]{1,3})\s+-\s+(.*\S)$/;

/** The closing total: `Total` followed by the ceiling. */
export const TOTAL = /^(total|jumlah)$/i;

/** The months' header cells. */
export const MONTH = /^B(0[1-9]|1[0-2])$/;

/** Something that looks like a code at the start of a cell; a page-break fragment has none. */
export const STARTS_LIKE_A_ROW = /^(\d{1,3}\.(\s|$)|\d{2,3}\s+-\s|[A-Z]{2}\.\d{4}\.)/;
