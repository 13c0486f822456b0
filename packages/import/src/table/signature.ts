import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import { enUS } from "date-fns/locale/en-US";
import { id } from "date-fns/locale/id";
import { notice } from "../plan/noticed.js";
import { type Staged, staged } from "../plan/staged.js";
import { type Row, filled } from "./rows.js";

/** The signature block below the Total: place and date, the signatory's title and name. */
export interface ReadSignature {
  readonly place: string;
  readonly date: string;
  readonly title: string;
  readonly name: string | null;
  readonly line: number;
}

const PLACE_DATE = /^(.+?),\s*(\d{1,2}\s+\p{L}+\.?\s+\d{4})$/u;

/** `22 February 2024` or `22 Februari 2024` (the extraction has both languages) to `2024-02-22`. */
export function readDate(text: string): string | undefined {
  const reference = new Date(2000, 0, 1);
  for (const locale of [enUS, id])
    for (const pattern of ["d MMMM yyyy", "d MMM yyyy"]) {
      const date = parse(text.replace(/\.(?=\s)/, ""), pattern, reference, { locale });
      if (isValid(date)) return format(date, "yyyy-MM-dd");
    }
  return undefined;
}

const text = (row: Row) => filled(row).map((c) => c.text).join(" ").replaceAll("**", "").trim();

/**
 * Reads the lines after the Total. Without a readable place and date there is no signature to
 * record (SIGNATURE_MISSING / SIGNATURE_UNREADABLE); a missing name is kept as null and reported
 * (SIGNATORY_MISSING). The civil-servant number line (NIP) is not part of the plan.
 */
export function readSignature(rows: readonly Row[], totalLine: number): Staged<ReadSignature | undefined> {
  const lines = rows.map((row) => ({ line: row.line, text: text(row) })).filter((l) => l.text !== "" && !/^NIP\b/i.test(l.text));
  const [placeDate, title, name, ...rest] = lines;
  if (!placeDate) return staged(undefined, [notice("SIGNATURE_MISSING", totalLine, {})]);
  const match = PLACE_DATE.exec(placeDate.text);
  const date = match && readDate(match[2] as string);
  if (!match || !date) return staged(undefined, [notice("SIGNATURE_UNREADABLE", placeDate.line, { found: placeDate.text })]);
  if (!title) return staged(undefined, [notice("SIGNATURE_UNREADABLE", placeDate.line, {})]);
  const findings = [
    ...(name ? [] : [notice("SIGNATORY_MISSING", title.line, {})]),
    ...rest.map((extra) => notice("UNRECOGNISED_ROW", extra.line, { where: "signature", text: extra.text.slice(0, 120) })),
  ];
  return staged({ place: (match[1] as string).trim(), date, title: title.text, name: name?.text ?? null, line: placeDate.line }, findings);
}
