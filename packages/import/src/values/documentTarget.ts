import type { Read } from "./amount.js";
import type { NumberStyle } from "./numberStyle.js";
import { readTarget } from "./target.js";

/** Why an ambiguous target (`1.080`: 1080 or 1.08) was read as it was. */
export type TargetReading =
  | { readonly by: "count" }
  | { readonly by: "style"; readonly as: "thousands" | "decimal"; readonly style: NumberStyle };

const DECIMAL_MARK = /^\d+[.,]\d{1,2}$/;
// Four digits or more after one mark, or before it (no group of thousands has more than three): decimals.
const LONG_DECIMAL = /^\d+[.,]\d{4,}$|^\d{4,}[.,]\d+$/;
const ONE_GROUP = /^\d{1,3}([.,])\d{3}$/;
const GROUPS = /^\d{1,3}([.,])\d{3}(?:\1\d{3})+$/;
const GROUPED_DECIMAL = /^\d{1,3}(?:([.,])\d{3})*([.,])\d+$/;

/**
 * Reads a monthly target as a published document writes it, in either number style: a comma or
 * a dot followed by one or two digits is a decimal mark (`99,3`, `2.52`); marks between groups of
 * three are thousands (`1.234.567`); a count's targets are whole numbers. Only `1.080`, one group
 * of three, could be either: a count reads it as 1080, any other indicator by the mark the
 * document's amounts group thousands with; the reading is returned for a finding. Where nothing
 * tells, it is refused rather than guessed.
 */
export function readDocumentTarget(raw: string, style: NumberStyle | undefined, count: boolean): Read<{ value: number | null; reading?: TargetReading }> {
  const text = raw.trim();
  const whole = (value: number, reading?: TargetReading): Read<{ value: number; reading?: TargetReading }> =>
    count && !Number.isInteger(value)
      ? { ok: false, why: "is not a whole number; the indicator counts (Jumlah), so its targets are whole numbers" }
      : { ok: true, value: reading ? { value, reading } : { value } };
  const decimal = (t: string) => Number(t.replace(",", "."));
  if (DECIMAL_MARK.test(text) || LONG_DECIMAL.test(text)) return whole(decimal(text));
  if (GROUPS.test(text)) return whole(Number(text.replace(/[.,]/g, "")));
  const one = ONE_GROUP.exec(text);
  if (one) {
    if (count) return whole(Number(text.replace(/[.,]/, "")), { by: "count" });
    if (!style)
      return { ok: false, why: `could be ${text.replace(/[.,]/, "")} or ${decimal(text)}, and no amount in the document shows which mark groups its thousands` };
    const as = one[1] === style.thousands ? "thousands" : "decimal";
    return whole(as === "thousands" ? Number(text.replace(/[.,]/, "")) : decimal(text), { by: "style", as, style });
  }
  const mixed = GROUPED_DECIMAL.exec(text);
  if (mixed && mixed[1] !== undefined && mixed[1] !== mixed[2]) return whole(Number(text.split(mixed[1]).join("").replace(",", ".")));
  const read = readTarget(text);
  return read.ok ? (read.value === null ? { ok: true, value: { value: null } } : whole(read.value)) : read;
}
