/**
 * The one rule for text written into a spreadsheet cell, and its reverse for a cell read back.
 * The CSV/XLSX cell rule that neutralises a leading `=`, `+`, `-`, `@`, tab or CR (so a name is
 * never run as a formula) belongs here once it lands; a template's text cells go through these
 * two functions only, so that change is one line each, and a note read back equals the note
 * written (an unchanged row stays unchanged).
 */
export const writtenText = (text: string): string => text;

/** A text cell as the person left it, with what {@link writtenText} added taken off again. */
export const readText = (text: string): string => text;
