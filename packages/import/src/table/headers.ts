import { type Cell, type Row, filled } from "./rows.js";
import { MONTH } from "./patterns.js";

/** What a column holds, by the header above it. */
export type Role =
  | "number"
  | "objective"
  | "indicator"
  | "targets"
  | "budget"
  | "output"
  | "component"
  | "subComponent"
  | "pagu"
  | "contribution";

/** The columns that hold names (a wrapped or cut name continues under one of them). */
export const NAME_ROLES: ReadonlySet<Role> = new Set<Role>(["objective", "indicator", "output", "component", "subComponent"]);

/** A header row: where each role's column starts on this page. */
export interface Header {
  readonly line: number;
  readonly columns: readonly { readonly col: number; readonly role: Role }[];
}

const PAGE_ROLES: readonly [RegExp, Role][] = [
  [/^NO\.?$/i, "number"],
  [/^SASARAN KEGIATAN$/i, "objective"],
  [/^INDIKATOR KINERJA KEGIATAN$/i, "indicator"],
  [/^TARGET$/i, "targets"],
  [/^ANGGARAN$/i, "budget"],
];

const BUDGET_ROLES: readonly [RegExp, Role][] = [
  [/^NO\.?$/i, "number"],
  [/^(NO\.?\s+)?RO$/i, "output"],
  [/^KOMPONEN$/i, "component"],
  [/^SUB KOMPONEN$/i, "subComponent"],
  [/^ANGGARAN$/i, "pagu"],
  [/^KONTRIBUSI$/i, "contribution"],
];

function header(line: number, cells: readonly Cell[], roles: readonly [RegExp, Role][]): Header {
  const columns = cells.flatMap(({ col, text }) => {
    const role = roles.find(([pattern]) => pattern.test(text))?.[1];
    return role ? [{ col, role }] : [];
  });
  return { line, columns };
}

/** The page header (NO. / SASARAN KEGIATAN / INDIKATOR KINERJA KEGIATAN / TARGET / ANGGARAN), or undefined. */
export function pageHeader(row: Row): Header | undefined {
  const cells = filled(row);
  if (!cells.some((c) => /^(SASARAN KEGIATAN|INDIKATOR KINERJA KEGIATAN)$/i.test(c.text))) return undefined;
  return header(row.line, cells, PAGE_ROLES);
}

/** The budget rows' header (NO / RO / KOMPONEN / SUB KOMPONEN / ANGGARAN / KONTRIBUSI), or undefined. */
export function budgetHeader(row: Row): Header | undefined {
  const cells = filled(row);
  if (!cells.some((c) => /^KONTRIBUSI$/i.test(c.text)) || !cells.some((c) => /KOMPONEN/i.test(c.text))) return undefined;
  return header(row.line, cells, BUDGET_ROLES);
}

/** The columns of B01..B12 when the row is the months' header, or undefined. */
export function monthsHeader(row: Row): number[] | undefined {
  const cells = filled(row);
  if (cells.length !== 12 || !cells.every((c, i) => MONTH.test(c.text) && Number(c.text.slice(1)) === i + 1)) return undefined;
  return cells.map((c) => c.col);
}

/** The role of a column under a header: that of the rightmost header cell at or left of it. */
export function roleAt(header: Header | undefined, col: number): Role | undefined {
  let role: Role | undefined;
  for (const column of header?.columns ?? []) if (column.col <= col) role = column.role;
  return role;
}
