import type { ErrorCode, Message } from "@rapk/core";

/** What is wrong with a filled template, and where: the sheet and the cell, as Excel names them. */
export interface SheetProblem {
  readonly code: ErrorCode;
  readonly sheet?: string;
  /** `G5`; absent when the whole sheet (or workbook) is at fault. */
  readonly cell?: string;
  /** Why, in both languages, without the place (see {@link describeProblem}). */
  readonly message: Message;
}

/** `Sheet "Indikator", cell G5: ...` / `Lembar "Indikator", sel G5: ...`. */
export function describeProblem(problem: SheetProblem): Message {
  const where = (sheet: string, cell: string) =>
    problem.sheet === undefined ? "" : `${sheet} "${problem.sheet}"${problem.cell === undefined ? "" : `, ${cell} ${problem.cell}`}: `;
  return { id: `${where("lembar", "sel")}${problem.message.id}`, en: `${where("sheet", "cell")}${problem.message.en}` };
}
