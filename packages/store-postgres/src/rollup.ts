import type { Rollup, RollupQuery, RollupRow, RollupTotals } from "@rapk/store";
import type { Pool } from "pg";
import { BAND_COLUMNS } from "./schema.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** The WHERE clause that picks the versions in effect at `at`, and its parameter. */
function asOfCondition(at: string): { readonly sql: string; readonly value: string } {
  const text = at.trim();
  if (DATE.test(text)) return { sql: "r.effective_local < ($2::date + 1)::timestamp", value: text };
  if (WITH_OFFSET.test(text)) return { sql: "r.effective_at <= $2::timestamptz", value: text };
  return { sql: "r.effective_local <= $2::timestamp", value: text };
}

const sumBands = BAND_COLUMNS.map(({ column }) => `sum(${column})::bigint AS ${column}`).join(", ");
const bandList = BAND_COLUMNS.map(({ column }) => column).join(", ");

/**
 * The rollup, by SQL over the read model (rapk_rollup), never by replaying a plan: one row per
 * plan (its head, or its last version in effect at `at`), ordered by unit, year and plan id, and
 * the totals. Plans with no version in effect yet are left out.
 */
export async function queryRollup(pool: Pool, query: RollupQuery = {}): Promise<Rollup> {
  const statement = rollupStatement(query);
  const result = await pool.query(statement.text, statement.values);
  return rollupOf(result.rows as Record<string, unknown>[]);
}

/** The one SQL statement of a rollup and its parameters (the bench runs it under EXPLAIN ANALYZE). */
export function rollupStatement(query: RollupQuery = {}): { readonly text: string; readonly values: unknown[] } {
  const asOf = query.at === undefined ? undefined : asOfCondition(query.at);
  const chosen = asOf
    ? `SELECT DISTINCT ON (r.plan) r.* FROM rapk_rollup r WHERE ${asOf.sql} ORDER BY r.plan, r.version DESC`
    : "SELECT r.* FROM rapk_plans p JOIN rapk_rollup r ON r.plan = p.plan AND r.version = p.version";
  const sql = `
    WITH chosen AS (${chosen}),
    picked AS (SELECT * FROM chosen WHERE $1::integer IS NULL OR year = $1)
    SELECT 0 AS total, plan, version, unit, agency, year, ceiling, pagu, allocated, spent, indicators, latest_month, ${bandList}, unrated
      FROM picked
    UNION ALL
    SELECT 1, NULL, count(*)::integer, NULL, NULL, NULL, coalesce(sum(ceiling), 0)::bigint, coalesce(sum(pagu), 0)::bigint,
           coalesce(sum(allocated), 0)::bigint, coalesce(sum(spent), 0)::bigint, coalesce(sum(indicators), 0)::bigint, NULL,
           ${sumBands.replace(/sum\((\w+)\)::bigint/g, "coalesce(sum($1), 0)::bigint")}, coalesce(sum(unrated), 0)::bigint
      FROM picked
    ORDER BY total, unit, year, plan`;
  return { text: sql, values: asOf ? [query.year ?? null, asOf.value] : [query.year ?? null] };
}

function rollupOf(raws: readonly Record<string, unknown>[]): Rollup {
  const rows: RollupRow[] = [];
  let totals: RollupTotals | undefined;
  for (const raw of raws) {
    const bands = Object.fromEntries(BAND_COLUMNS.map(({ id, column }) => [id, whole(raw[column])]));
    const money = { ceiling: whole(raw.ceiling), pagu: whole(raw.pagu), allocated: whole(raw.allocated), spent: whole(raw.spent) };
    const absorption = money.pagu === 0 ? null : money.spent / money.pagu;
    if (raw.total === 1) {
      totals = { plans: whole(raw.version), ...money, absorption, indicators: whole(raw.indicators), bands, unrated: whole(raw.unrated) };
      continue;
    }
    rows.push({
      plan: String(raw.plan),
      version: whole(raw.version),
      unit: (raw.unit as string | null) ?? null,
      agency: (raw.agency as string | null) ?? null,
      year: raw.year === null ? null : whole(raw.year),
      ...money,
      absorption,
      indicators: whole(raw.indicators),
      latestMonth: raw.latest_month === null ? null : whole(raw.latest_month),
      bands,
      unrated: whole(raw.unrated),
    });
  }
  return { rows, totals: totals as RollupTotals };
}

/** A count or an amount from the database (bigint arrives as text): a safe integer, or an error. */
export function whole(value: unknown): number {
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`the database returned ${String(value)}, which is not a whole number within JavaScript's safe range`);
  return number;
}
